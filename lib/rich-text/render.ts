import 'server-only';
import { getSchemaByResolvedExtensions, resolveExtensions } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { richTextExtensions } from './extensions';
import { parseRichText } from './document';

// Building the ProseMirror schema costs more than rendering a body: build it once per process and
// hand the renderer a parsed document (measured with `npm run bench`). The renderer gets the
// unresolved list: it resolves extensions itself, and resolving twice makes tiptap warn of duplicates.
const schema = getSchemaByResolvedExtensions(resolveExtensions(richTextExtensions));

/**
 * The one server-side renderer. The stored document is validated again before rendering, so a row
 * written around the application (or by an older version) still cannot emit anything the schema forbids.
 */
export function renderRichText(stored: unknown): string {
  const parsed = parseRichText(stored);
  if (!parsed.ok) return '';
  return renderToHTMLString({ extensions: richTextExtensions, content: Node.fromJSON(schema, parsed.doc) });
}
