import { randomInt } from 'node:crypto';
import type { Page, Locator } from '@playwright/test';
import type { ItemKind, ItemState } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/create-db';
import { withFreeIssueNumber } from '../issue-numbers';
import { expect } from '../fixtures';

/** Helpers for the editorial desk's browser tests: seeding rows of their own, and driving the editor. */

export const uniqueTag = () => `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;

type Paragraph = string;

export function docOf(...paragraphs: Paragraph[]) {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** An item straight in the database (as if written earlier), with no revisions yet. */
export async function seedItem(
  db: Db,
  opts: {
    authorId: string;
    title?: string;
    kind?: ItemKind;
    state?: ItemState;
    paragraphs?: string[];
    standfirst?: string;
    issue?: { issueId: string; sectionId: string };
  },
) {
  const tag = uniqueTag();
  const paragraphs = opts.paragraphs ?? ['A first paragraph of text.'];
  const state = opts.state ?? 'DRAFT';
  return db.item.create({
    data: {
      kind: opts.kind ?? 'ARTICLE',
      title: opts.title ?? `Seeded item ${tag}`,
      slug: `seeded-${tag}`,
      standfirst: opts.standfirst ?? 'A standfirst.',
      body: docOf(...paragraphs),
      bodyText: paragraphs.join('\n\n'),
      state,
      authorId: opts.authorId,
      issueId: opts.issue?.issueId,
      sectionId: opts.issue?.sectionId,
      publishedAt: state === 'PUBLISHED' ? new Date('1999-06-01T09:00:00Z') : null,
    },
  });
}

/**
 * A published bulletin issue of our own, dated 1999 and numbered below the demo's N° 25
 * (e2e/issue-numbers.ts), so the demo issue stays the latest one the public pages and feeds are checked against.
 */
export async function seedPublishedIssue(db: Db) {
  return withFreeIssueNumber(db, (number) =>
    db.issue.create({
      data: {
        number,
        coverLabel: 'Test 1999',
        coverDate: new Date('1999-06-01'),
        state: 'PUBLISHED',
        publishedAt: new Date('1999-06-01T09:00:00Z'),
        sections: { create: [{ title: 'Lead', position: 0 }] },
      },
      include: { sections: true },
    }),
  );
}

/** The body editor of the item form. */
export const bodyEditor = (page: Page): Locator => page.getByRole('textbox', { name: 'Text', exact: true });

/** Selects a passage of the body editor's text (it may cross formatting), as a mouse drag would. */
export async function selectInEditor(page: Page, passage: string) {
  const found = await bodyEditor(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    while (walker.nextNode()) {
      nodes.push(walker.currentNode as Text);
      all += (walker.currentNode as Text).data;
    }
    const start = all.indexOf(wanted);
    if (start < 0) return false;
    const end = start + wanted.length;
    const at = (offset: number, isEnd: boolean): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        const next = seen + node.data.length;
        if (offset < next || (isEnd && offset === next)) return [node, offset - seen];
        seen = next;
      }
      const last = nodes[nodes.length - 1]!;
      return [last, last.data.length];
    };
    const [sn, so] = at(start, false);
    const [en, eo] = at(end, true);
    (root as HTMLElement).focus();
    const range = document.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }, passage);
  expect(found, `"${passage}" in the editor`).toBe(true);
}

/** Puts the caret at the end of the body text. */
export async function caretToEnd(page: Page) {
  await bodyEditor(page).click();
  await page.keyboard.press('Control+End');
}

export const saveStatus = (page: Page) => page.getByTestId('save-status');

export async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText(/^Saved at \d{1,2}:\d{2}/, { timeout: 15_000 });
}

/** Records whether any script ran on the page: dialogs opened, or a global flag set by a payload. */
export function watchForScripts(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  return {
    dialogs,
    async assertNoneRan(where: string) {
      const flag = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);
      expect(flag, `a payload set window.__xss on ${where}`).toBeNull();
      expect(dialogs, `dialogs opened on ${where}`).toEqual([]);
    },
  };
}

const ALLOWED_NODES: Record<string, string[]> = {
  doc: [],
  paragraph: [],
  text: [],
  hardBreak: [],
  horizontalRule: [],
  heading: ['level'],
  blockquote: [],
  bulletList: [],
  orderedList: ['start'],
  listItem: [],
};
const ALLOWED_MARKS: Record<string, string[]> = { bold: [], italic: [], link: ['href'] };

/**
 * Problems with a stored body, checked independently of the app's own validator: only the allowed
 * nodes, marks and attributes, links only http(s) or mailto. Empty when the document is clean.
 */
export function storedDocProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return void problems.push(`${path}: not a node`);
    const n = node as Record<string, unknown>;
    const allowed = ALLOWED_NODES[String(n.type)];
    if (!allowed) return void problems.push(`${path}: node ${String(n.type)}`);
    for (const key of Object.keys(n))
      if (!['type', 'content', 'text', 'marks', 'attrs'].includes(key)) problems.push(`${path}: key ${key}`);
    for (const key of Object.keys((n.attrs as object) ?? {}))
      if (!allowed.includes(key)) problems.push(`${path}: attribute ${key}`);
    if (n.type === 'heading' && ![2, 3].includes((n.attrs as { level?: number }).level ?? 0))
      problems.push(`${path}: heading level`);
    for (const mark of (n.marks as Record<string, unknown>[] | undefined) ?? []) {
      const allowedAttrs = ALLOWED_MARKS[String(mark.type)];
      if (!allowedAttrs) problems.push(`${path}: mark ${String(mark.type)}`);
      for (const key of Object.keys((mark.attrs as object) ?? {}))
        if (!(allowedAttrs ?? []).includes(key)) problems.push(`${path}: mark attribute ${key}`);
      if (mark.type === 'link') {
        const href = String((mark.attrs as { href?: unknown }).href);
        if (!/^(https?:\/\/[^\s/]+|mailto:)/i.test(href) || /[\s\u0000-\u001f]/.test(href))
          problems.push(`${path}: link ${href}`);
      }
    }
    if (typeof n.text === 'string' && n.type !== 'text') problems.push(`${path}: text on ${String(n.type)}`);
    ((n.content as unknown[] | undefined) ?? []).forEach((c, i) => visit(c, `${path}.${i}`));
  };
  visit(doc, 'doc');
  if ((doc as { type?: unknown })?.type !== 'doc') problems.push('root is not a doc');
  return problems;
}
