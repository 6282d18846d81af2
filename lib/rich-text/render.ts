import 'server-only';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { richTextExtensions } from './extensions';
import { parseRichText } from './document';

/**
 * The one server-side renderer. The stored document is validated again before rendering, so a row
 * written around the application (or by an older version) still cannot emit anything the schema forbids.
 */
export function renderRichText(stored: unknown): string {
  const parsed = parseRichText(stored);
  if (!parsed.ok) return '';
  return renderToHTMLString({ extensions: richTextExtensions, content: parsed.doc });
}
