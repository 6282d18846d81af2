import 'server-only';
import {
  getAttributesFromExtensions,
  getSchemaByResolvedExtensions,
  resolveExtensions,
  splitExtensions,
} from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { escapeHTML, renderJSONContentToString } from '@tiptap/static-renderer/json/html-string';
import {
  domOutputSpecToHTMLString,
  mapMarkExtensionToReactNode,
  mapNodeExtensionToReactNode,
  serializeChildrenToHTMLString,
} from '@tiptap/static-renderer/pm/html-string';
import { richTextExtensions } from './extensions';
import { parseRichText } from './document';

/*
 * tiptap's renderToHTMLString resolves the extensions, reads their attributes and builds a renderer on
 * every call: measured on an 8-paragraph body, 1.18 ms a call, against 0.04 ms for the renderer built
 * once (a 40-item bulletin issue renders 40 bodies). The schema and the renderer are built here once
 * per process, from the same pieces and in the same way as @tiptap/static-renderer 3.x's
 * renderToElement; render.test.ts checks that the output equals renderToHTMLString's for every node
 * and mark Quire allows, so an upgrade that changes tiptap's way fails there.
 */
const resolved = resolveExtensions(richTextExtensions);
const schema = getSchemaByResolvedExtensions(resolved);
const extensionAttributes = getAttributesFromExtensions(resolved);
const { nodeExtensions, markExtensions } = splitExtensions(resolved);
type Props = { children?: unknown; node?: { text?: string } };
const definedTypes: Record<string, (props: Props) => string> = {
  doc: ({ children }) => serializeChildrenToHTMLString(children as string[]),
  text: ({ node }) => escapeHTML(node?.text ?? ''),
};
const render = renderJSONContentToString({
  nodeMapping: {
    ...Object.fromEntries(
      nodeExtensions
        .filter((extension) => !(extension.name in definedTypes))
        .map((extension) => mapNodeExtensionToReactNode(domOutputSpecToHTMLString, extension, extensionAttributes)),
    ),
    ...definedTypes,
  },
  markMapping: Object.fromEntries(
    markExtensions.map((mark) => mapMarkExtensionToReactNode(domOutputSpecToHTMLString, mark, extensionAttributes)),
  ),
} as unknown as Parameters<typeof renderJSONContentToString>[0]);

/**
 * The one server-side renderer. The stored document is validated again before rendering, so a row
 * written around the application (or by an older version) still cannot emit anything the schema forbids.
 */
export function renderRichText(stored: unknown): string {
  const parsed = parseRichText(stored);
  if (!parsed.ok) return '';
  return render({ content: Node.fromJSON(schema, parsed.doc) } as unknown as Parameters<typeof render>[0]);
}
