import 'server-only';
import { getSchemaByResolvedExtensions, resolveExtensions } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { richTextExtensions } from './extensions';
import { parseRichText } from './document';

// Resolving the extension list and building the ProseMirror schema cost more than rendering a body;
// do both once per process rather than on every call (measured with `npm run bench`).
const extensions = resolveExtensions(richTextExtensions);
const schema = getSchemaByResolvedExtensions(extensions);

/**
 * The one server-side renderer. The stored document is validated again before rendering, so a row
 * written around the application (or by an older version) still cannot emit anything the schema forbids.
 */
export function renderRichText(stored: unknown): string {
  const parsed = parseRichText(stored);
  if (!parsed.ok) return '';
  return renderToHTMLString({ extensions, content: Node.fromJSON(schema, parsed.doc) });
}
