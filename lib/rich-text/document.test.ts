import { describe, expect, it } from 'vitest';
import { isAllowedHref } from './extensions';
import { parseRichText, toPlainText, docFromParagraphs } from './document';
import { renderRichText } from './render';

const link = (href: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }],
});

describe('rich-text documents', () => {
  it('accept every allowed node and mark and drop unknown attributes', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, id: 'x', style: 'color:red' },
          content: [{ type: 'text', text: 'Heading' }],
        },
        {
          type: 'paragraph',
          attrs: { class: 'evil' },
          content: [
            { type: 'text', text: 'Bold', marks: [{ type: 'bold' }, { type: 'italic', attrs: { onclick: 'x' } }] },
            { type: 'hardBreak' },
          ],
        },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'horizontalRule' },
      ],
    };
    const parsed = parseRichText(doc);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(JSON.stringify(parsed.doc)).not.toMatch(/style|class|onclick|"id"/);
    const html = renderRichText(parsed.doc);
    expect(html).toContain('<h2>Heading</h2>');
    expect(html).toContain('<strong>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<ol start="3">');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '//evil.example/',
    '/relative',
    'file:///etc/passwd',
    'http://',
    '\u0000javascript:alert(1)',
  ])('refuse the link %j', (href) => {
    expect(isAllowedHref(href)).toBe(false);
    expect(parseRichText(link(href)).ok).toBe(false);
  });

  it.each(['https://www.iom.int/', 'http://example.org/a?b=c#d', 'mailto:tm@iom.int'])('accept the link %j', (href) => {
    expect(parseRichText(link(href)).ok).toBe(true);
  });

  it.each([
    { type: 'doc', content: [{ type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } }] },
    { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'javascript:alert(1)' } }] },
    {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] }],
    },
    { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }] },
    { type: 'doc', content: [{ type: 'text', text: 'text directly in the doc' }] },
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'paragraph' }] }] },
    { type: 'doc', content: 'not a list' },
    { type: 'html', content: [] },
    null,
    '<script>alert(1)</script>',
  ])('refuse a document that is not allowed (%#)', (doc) => {
    expect(parseRichText(doc).ok).toBe(false);
  });

  it('escape markup inside text', () => {
    const html = renderRichText(docFromParagraphs(['<script>alert(1)</script> & <img src=x onerror=alert(1)>']));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('render nothing for a stored document that is not allowed', () => {
    expect(renderRichText(link('javascript:alert(1)'))).toBe('');
  });

  it('refuse documents nested too deeply', () => {
    let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
    for (let i = 0; i < 20; i++) node = { type: 'blockquote', content: [node] };
    expect(parseRichText({ type: 'doc', content: [node] }).ok).toBe(false);
  });

  it('give plain text block by block', () => {
    expect(toPlainText(docFromParagraphs(['One.', 'Two.']))).toBe('One.\n\nTwo.');
  });
});
