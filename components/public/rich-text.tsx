import { renderRichText } from '@/lib/rich-text/render';

/** Server-rendered rich text. The HTML comes from lib/rich-text, which emits only allowed nodes and marks. */
export function RichText({ doc, className }: { doc: unknown; className?: string }) {
  return <div className={className ?? 'prose'} dangerouslySetInnerHTML={{ __html: renderRichText(doc) }} />;
}
