import { getSchemaByResolvedExtensions, resolveExtensions } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { describe, expect, it } from 'vitest';
import { parseRichText } from './document';
import { richTextExtensions } from './extensions';
import { renderRichText } from './render';

const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });

// Every node and mark the extension list allows, nested, with text that needs escaping.
const everything = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Heading <two> & "quotes"')] },
    { type: 'heading', attrs: { level: 3 }, content: [text('Heading three')] },
    para(
      text('Plain, '),
      text('bold', [{ type: 'bold' }]),
      text(', '),
      text('italic', [{ type: 'italic' }]),
      text(', '),
      text('both', [{ type: 'bold' }, { type: 'italic' }]),
      { type: 'hardBreak' },
      text('a link', [{ type: 'link', attrs: { href: 'https://example.org/?a=1&b="2"' } }]),
      text(' and mail', [{ type: 'link', attrs: { href: 'mailto:desk@example.org' } }]),
    ),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para(text('one'))] },
        { type: 'listItem', content: [para(text('two'))] },
      ],
    },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [para(text('three'))] }] },
    { type: 'blockquote', content: [para(text('Quoted <script>alert(1)</script>'))] },
    { type: 'horizontalRule' },
    para(text('Résumé, naïve, 東京, emoji 🎉')),
  ],
};

describe('renderRichText', () => {
  it('renders exactly what tiptap’s one-call renderer renders, for every allowed node and mark', () => {
    const parsed = parseRichText(everything);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const schema = getSchemaByResolvedExtensions(resolveExtensions(richTextExtensions));
    const reference = renderToHTMLString({
      extensions: richTextExtensions,
      content: Node.fromJSON(schema, parsed.doc),
    });
    const html = renderRichText(everything);
    expect(html).toBe(reference);
    // And it is the HTML it should be, not two renderers agreeing on nothing.
    expect(html).toContain('<h2>Heading &lt;two&gt; &amp; "quotes"</h2>');
    expect(html).toContain('<strong><em>both</em></strong>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
    expect(html).not.toContain('<script');
  });

  it('renders nothing for a document the schema refuses', () => {
    expect(renderRichText({ type: 'doc', content: [{ type: 'iframe' }] })).toBe('');
  });
});
