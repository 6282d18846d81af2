import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { createItem } from '@/lib/content/items/create-item';
import { updateItem } from '@/lib/content/items/update-item';
import { ValidationError } from '@/lib/errors';
import { renderRichText } from '@/lib/rich-text/render';
import { parseRichText } from '@/lib/rich-text/document';
import { actorOf, rejectionOf, useAppClient } from '../helpers/app-client';
import { createUser } from '../helpers/factories';

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});

/**
 * Hostile rich-text documents posted straight to the data layer (as a forged server-action request
 * would): each is refused, or stored with only the allowed nodes, marks and attributes. Whatever is
 * stored renders without anything that could run.
 */

const linkDoc = (href: unknown) => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'click me', marks: [{ type: 'link', attrs: { href } }] }] },
  ],
});
const nodeDoc = (node: unknown) => ({ type: 'doc', content: [node] });

const hostileHrefs = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'javascript:alert(1) ',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript\u0000:alert(1)',
  '\u200Bjavascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript://%0Aalert(1)',
  'javascript://example.com/%0Aalert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  ' data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'blob:https://example.org/123',
  '//evil.example/x',
  '/relative/path',
  'https://ok.example/" onmouseover="alert(1)',
  'https://ok.example/\u0000',
  'http:',
  'https://',
  '',
  42,
  null,
  { toString: 'javascript:alert(1)' },
];

const hostileNodes = [
  { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
  { type: 'iframe', attrs: { src: 'javascript:alert(1)' } },
  { type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
  { type: 'svg', content: [{ type: 'text', text: '<svg onload=alert(1)>' }] },
  { type: 'html', text: '<img src=x onerror=alert(1)>' },
  { type: 'codeBlock', content: [{ type: 'text', text: 'x' }] },
  { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'h1' }] },
  { type: 'heading', attrs: { level: '2" onclick="alert(1)' }, content: [{ type: 'text', text: 'h' }] },
  { type: 'text', text: 'text straight under the document' },
  { type: 'doc', content: [] },
  { type: 'paragraph', content: [{ type: 'image', attrs: { src: 'x' } }] },
  { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] },
  {
    type: 'paragraph',
    content: [
      {
        type: 'text',
        text: 'x',
        marks: [{ type: 'textStyle', attrs: { style: 'background:url(javascript:alert(1))' } }],
      },
    ],
  },
  { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'highlight' }] }] },
  { type: 'paragraph', content: [{ type: 'text', text: '' }] },
  { type: 'paragraph', content: 'not a list' },
  { type: 'bulletList', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'not in a list item' }] }] },
  { type: 'PARAGRAPH', content: [{ type: 'text', text: 'x' }] },
];

function deeplyNested(depth: number): unknown {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
  return node;
}

const ALLOWED_TAGS = new Set(['p', 'h2', 'h3', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br']);
const ALLOWED_ATTRS: Record<string, string[]> = { a: ['href', 'rel'], ol: ['start'] };

/** Only the schema's tags and attributes, and only http(s) and mailto links, whatever the renderer is given. */
function expectInert(html: string) {
  const withoutTags = html.replace(
    /<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*\/?>/g,
    (_, tag: string, attrs: string) => {
      expect(ALLOWED_TAGS.has(tag.toLowerCase()), `tag <${tag}> in ${html}`).toBe(true);
      for (const [, name, value] of attrs.matchAll(/\s+([a-zA-Z-]+)(?:="([^"]*)")?/g)) {
        expect(ALLOWED_ATTRS[tag.toLowerCase()] ?? [], `attribute ${name} on <${tag}>`).toContain(name);
        if (name === 'href') expect(value).toMatch(/^(https?:\/\/[^\s]|mailto:)/);
      }
      return '';
    },
  );
  // Whatever is left is text: escaped, so no markup the browser could read.
  expect(withoutTags).not.toMatch(/[<>]/);
}

describe('hostile rich text sent straight to the server', () => {
  it('refuses links that are not http, https or mailto, in any spelling', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const item = await createItem(author, { kind: 'ARTICLE', title: 'Target' });
    for (const href of hostileHrefs) {
      const error = await rejectionOf(
        updateItem(author, item.itemId, { expectedVersion: 1, fields: { title: 'Target', body: linkDoc(href) } }),
      );
      expect(error, `href ${JSON.stringify(href)}`).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['body']);
      expect(
        await rejectionOf(createItem(author, { kind: 'ARTICLE', title: 'New', body: linkDoc(href) })),
      ).toBeInstanceOf(ValidationError);
    }
    // Nothing was written.
    expect(await db.item.findUniqueOrThrow({ where: { id: item.itemId } })).toMatchObject({ version: 1 });
    expect(await db.revision.count({ where: { itemId: item.itemId } })).toBe(1);
  });

  it('refuses nodes and marks outside the schema, wrong nesting, and documents nested too deep', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const item = await createItem(author, { kind: 'ARTICLE', title: 'Target' });
    for (const node of [...hostileNodes, deeplyNested(40)]) {
      const error = await rejectionOf(
        updateItem(author, item.itemId, { expectedVersion: 1, fields: { title: 'Target', body: nodeDoc(node) } }),
      );
      expect(error, JSON.stringify(node).slice(0, 120)).toBeInstanceOf(ValidationError);
    }
    for (const body of ['<script>alert(1)</script>', ['doc'], { type: 'document' }, { type: 'doc', content: 'x' }, 7]) {
      expect(
        await rejectionOf(updateItem(author, item.itemId, { expectedVersion: 1, fields: { title: 'Target', body } })),
      ).toBeInstanceOf(ValidationError);
    }
    expect(await db.item.findUniqueOrThrow({ where: { id: item.itemId } })).toMatchObject({ version: 1 });
  });

  it('stores markup-looking text as text, and drops attributes the schema does not know', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const body = {
      type: 'doc',
      attrs: { onload: 'alert(1)' },
      content: [
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(1)', style: 'x', class: 'evil' },
          content: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }],
        },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'a link',
              marks: [
                {
                  type: 'link',
                  attrs: {
                    href: 'https://example.org/?q="><script>alert(1)</script>',
                    target: '_self',
                    onclick: 'alert(1)',
                    class: 'x',
                    rel: 'opener',
                  },
                },
              ],
            },
            {
              type: 'text',
              text: ' and mail',
              marks: [
                { type: 'bold', attrs: { style: 'x' } },
                { type: 'link', attrs: { href: 'mailto:desk@example.org' } },
              ],
            },
          ],
        },
        {
          type: 'heading',
          attrs: { level: 2, id: 'x" onmouseover="alert(1)' },
          content: [{ type: 'text', text: 'Heading' }],
        },
        {
          type: 'orderedList',
          attrs: { start: '1" onclick="alert(1)', type: 'a' },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }],
        },
        { type: 'horizontalRule', attrs: { onclick: 'x' } },
      ],
    };
    const created = await createItem(author, {
      kind: 'ARTICLE',
      title: '<img src=x onerror=alert(1)>',
      standfirst: '<script>alert(1)</script>',
      body,
    });
    const row = await db.item.findUniqueOrThrow({ where: { id: created.itemId } });
    expect(row.body).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }],
        },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'a link',
              marks: [{ type: 'link', attrs: { href: 'https://example.org/?q="><script>alert(1)</script>' } }],
            },
            {
              type: 'text',
              text: ' and mail',
              marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'mailto:desk@example.org' } }],
            },
          ],
        },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Heading' }] },
        {
          type: 'orderedList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }],
        },
        { type: 'horizontalRule' },
      ],
    });
    const html = renderRichText(row.body);
    expectInert(html);
    expect(html).toContain('&lt;script&gt;');
    // The revision holds the same cleaned document.
    const revision = await db.revision.findFirstOrThrow({ where: { itemId: created.itemId } });
    expect((revision.snapshot as { body: unknown }).body).toEqual(row.body);
  });

  it("accepts what the editor itself sends (tiptap's JSON, with its null attributes)", async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    // Captured from components/editor/rich-text-editor.tsx (getJSON) in Chromium.
    const fromEditor = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Big' }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              marks: [
                {
                  type: 'link',
                  attrs: {
                    href: 'https://example.org/x',
                    target: null,
                    rel: 'noopener noreferrer nofollow',
                    class: null,
                    title: null,
                  },
                },
              ],
              text: 'Hello',
            },
            { type: 'text', text: ' world again and ' },
            { type: 'text', marks: [{ type: 'bold' }], text: 'again' },
          ],
        },
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Alpha' }] }] }],
        },
        {
          type: 'orderedList',
          attrs: { start: 1, type: null },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }],
        },
        {
          type: 'blockquote',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'Quoted' }, { type: 'hardBreak' }, { type: 'text', text: 'line' }],
            },
          ],
        },
        { type: 'horizontalRule' },
      ],
    };
    const created = await createItem(author, { kind: 'ARTICLE', title: 'From the editor', body: fromEditor });
    const row = await db.item.findUniqueOrThrow({ where: { id: created.itemId } });
    expect(JSON.stringify(row.body)).not.toMatch(/null|target|class|title/);
    expect(row.bodyText).toBe('Big\n\nHello world again and again\n\nAlpha\n\nOne\n\nQuoted\nline');
  });

  it('renders a document written around the application (straight into the database) harmlessly', async () => {
    for (const node of hostileNodes) expectInert(renderRichText(nodeDoc(node)));
    for (const href of hostileHrefs) expectInert(renderRichText(linkDoc(href)));
    // Whatever the validator lets through is inert too.
    for (const href of ['https://example.org/a?b=c&d="e"', 'http://example.org', 'mailto:a@example.org?subject=<x>']) {
      const parsed = parseRichText(linkDoc(href));
      expect(parsed.ok).toBe(true);
      expectInert(renderRichText(linkDoc(href)));
    }
  });
});
