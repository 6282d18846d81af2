import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { createItem } from '@/lib/content/items/create-item';
import { getItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { listItems } from '@/lib/content/items/list-items';
import { updateItem } from '@/lib/content/items/update-item';
import { addComment } from '@/lib/content/comments/add-comment';
import { resolveComment } from '@/lib/content/comments/resolve-comment';
import { NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { docFromParagraphs } from '@/lib/rich-text/document';
import { actorOf, rejectionOf, useAppClient } from '../helpers/app-client';
import { cachePage, isCached } from '../helpers/cache';
import { createIssue, createItem as seedItem, createMeeting, createUser } from '../helpers/factories';

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});
const countQueries = app.countQueries;

const fieldsOf = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  standfirst: 'Standfirst.',
  body: docFromParagraphs(['Ministers met in Bali in February 2002.']),
  tags: [{ kind: 'COUNTRY' as const, name: 'Indonesia' }],
  sources: [{ name: 'Jakarta Post', url: 'https://example.org/a', date: '2002-02-28' }],
  ...extra,
});

describe('creating and reading items', () => {
  it('creates a draft authored by the actor, with revision 1, sources, tags and an audit event', async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const meeting = await createMeeting(db);
    const created = await createItem(contributor, {
      kind: 'MEETING_REPORT',
      ...fieldsOf('Bali Ministerial Conference'),
      meetingId: meeting.id,
    });
    expect(created).toMatchObject({
      version: 1,
      slug: 'bali-ministerial-conference',
      revision: { number: 1, kind: 'SAVE' },
    });

    const item = await getItemForEdit(contributor, created.itemId);
    expect(item).toMatchObject({
      kind: 'MEETING_REPORT',
      state: 'DRAFT',
      version: 1,
      author: { id: contributor.id },
      openCommentCount: 0,
    });
    expect(item.fields.sources).toEqual([{ name: 'Jakarta Post', url: 'https://example.org/a', date: '2002-02-28' }]);
    expect(item.fields.tags).toEqual([{ kind: 'COUNTRY', name: 'Indonesia' }]);
    expect(item.meeting).toMatchObject({ id: meeting.id, startDate: '2002-02-26' });
    expect(item.permissions).toMatchObject({
      edit: true,
      comment: true,
      transitions: [{ name: 'submit', label: 'Submit for review', requiresNote: false }],
    });
    const events = await db.auditEvent.findMany({ where: { entityId: created.itemId } });
    expect(events).toMatchObject([{ action: 'item.create', actorId: contributor.id, toState: 'DRAFT' }]);
  });

  it('ignores author, state and version sent by the form', async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const editor = await createUser(db, 'EDITOR');
    const created = await createItem(contributor, {
      kind: 'ARTICLE',
      ...fieldsOf('Sneaky'),
      authorId: editor.id,
      state: 'APPROVED',
      version: 99,
    } as never);
    const row = await db.item.findUniqueOrThrow({ where: { id: created.itemId } });
    expect(row).toMatchObject({ authorId: contributor.id, state: 'DRAFT', version: 1 });
    const saved = await updateItem(contributor, row.id, {
      expectedVersion: 1,
      fields: {
        ...fieldsOf('Still sneaky'),
        state: 'PUBLISHED',
        authorId: editor.id,
        publishedAt: new Date(),
      } as never,
    });
    expect(await db.item.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      authorId: contributor.id,
      state: 'DRAFT',
      version: saved.version,
      publishedAt: null,
    });
  });

  it('picks existing tags instead of duplicating them', async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const name = `Theme ${Date.now()}`;
    const a = await createItem(contributor, { kind: 'ARTICLE', ...fieldsOf('One'), tags: [{ kind: 'THEME', name }] });
    const b = await createItem(contributor, {
      kind: 'ARTICLE',
      ...fieldsOf('Two'),
      tags: [{ kind: 'THEME', name: name.toLowerCase() }],
    });
    const tags = await db.tag.findMany({ where: { items: { some: { itemId: { in: [a.itemId, b.itemId] } } } } });
    expect(tags).toHaveLength(1);
    expect((await getItemForEdit(contributor, b.itemId)).fields.tags).toEqual([{ kind: 'THEME', name }]);
  });

  it("answers not found for someone else's item, and without an account", async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const other = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const item = await seedItem(db, { authorId: owner.id });
    expect(await rejectionOf(getItemForEdit(other, item.id))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(getItemForEdit(null, item.id))).toBeInstanceOf(NotFoundError);
    expect(
      await rejectionOf(getItemForEdit(actorOf(await createUser(db, 'EDITOR', { status: 'DEACTIVATED' })), item.id)),
    ).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(createItem(null, { kind: 'ARTICLE', title: 'x' }))).toBeInstanceOf(NotFoundError);
    expect(
      await rejectionOf(updateItem(other, item.id, { expectedVersion: 1, fields: fieldsOf('Mine now') })),
    ).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(getItemForEdit(other, 'no-such-id'))).toBeInstanceOf(NotFoundError);
  });

  it("refuses a contributor's edit once the item is submitted, and an editor's once archived", async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const inReview = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
    expect(
      await rejectionOf(updateItem(actorOf(owner), inReview.id, { expectedVersion: 1, fields: fieldsOf('Change') })),
    ).toBeInstanceOf(NotAllowedError);
    await expect(
      updateItem(editor, inReview.id, { expectedVersion: 1, fields: fieldsOf('Edited by the editor') }),
    ).resolves.toMatchObject({ version: 2 });
    const archived = await seedItem(db, { authorId: owner.id, state: 'ARCHIVED' });
    expect(
      await rejectionOf(updateItem(editor, archived.id, { expectedVersion: 1, fields: fieldsOf('Change') })),
    ).toBeInstanceOf(NotAllowedError);
  });

  it('marks a published item corrected when an editor changes it', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const issue = await createIssue(db);
    const item = await seedItem(db, { authorId: owner.id, state: 'PUBLISHED', section: issue.sections[0]! });
    const page = `/issues/${issue.number}/${item.slug}`;
    await cachePage(page);
    await cachePage('/feed.xml');
    await updateItem(editor, item.id, { expectedVersion: 1, fields: fieldsOf('Corrected title', { slug: item.slug }) });
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).correctedAt).toBeInstanceOf(Date);
    // The cached public pages that show it are expired (lib/cache/invalidate.ts).
    expect(await isCached(page)).toBe(false);
    expect(await isCached('/feed.xml')).toBe(false);
  });

  it('keeps slugs unique within a bulletin issue, as a field error', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const issue = await createIssue(db, { state: 'IN_PRODUCTION' });
    const first = await seedItem(db, { authorId: owner.id, state: 'APPROVED', section: issue.sections[0]! });
    const second = await seedItem(db, { authorId: owner.id, state: 'APPROVED', section: issue.sections[0]! });
    const error = await rejectionOf(
      updateItem(editor, second.id, { expectedVersion: 1, fields: fieldsOf('Second', { slug: first.slug }) }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.slug).toHaveLength(1);
    // An item in no bulletin issue may share a slug.
    const loose = await seedItem(db, { authorId: owner.id });
    await expect(
      updateItem(editor, loose.id, { expectedVersion: 1, fields: fieldsOf('Loose', { slug: first.slug }) }),
    ).resolves.toBeTruthy();
  });
});

describe('listing items', () => {
  it('shows contributors only their own items, whatever filter they send', async () => {
    const me = await createUser(db, 'CONTRIBUTOR');
    const other = await createUser(db, 'CONTRIBUTOR');
    const mine = await seedItem(db, { authorId: me.id, title: 'Mine' });
    const theirs = await seedItem(db, { authorId: other.id, title: 'Theirs' });
    const all = await listItems(actorOf(me), { pageSize: 100 });
    expect(all.items.map((i) => i.id)).toContain(mine.id);
    expect(all.items.every((i) => i.author.id === me.id)).toBe(true);
    expect((await listItems(actorOf(me), { authorId: other.id })).items).toEqual([]);
    const editorView = await listItems(actorOf(await createUser(db, 'EDITOR')), { authorId: other.id });
    expect(editorView.items.map((i) => i.id)).toEqual([theirs.id]);
    expect(await rejectionOf(listItems(null))).toBeInstanceOf(NotFoundError);
  });

  it('filters by kind, state, author, bulletin issue, tag and title words, and pages', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const word = `zebra${Date.now()}`;
    const tagName = `Tag ${word}`;
    const a = await createItem(author, {
      kind: 'ARTICLE',
      ...fieldsOf(`Alpha ${word} news`),
      tags: [{ kind: 'THEME', name: tagName }],
    });
    const b = await createItem(author, { kind: 'PUBLICATION_REVIEW', ...fieldsOf(`Beta ${word} review`) });
    const issue = await createIssue(db, { state: 'IN_PRODUCTION' });
    const placed = await seedItem(db, {
      authorId: author.id,
      title: `Gamma ${word}`,
      state: 'APPROVED',
      section: issue.sections[0]!,
    });
    const ids = async (f: Parameters<typeof listItems>[1]) =>
      (await listItems(editor, { q: word, ...f })).items.map((i) => i.id).sort();

    expect(await ids({})).toEqual([a.itemId, b.itemId, placed.id].sort());
    expect(await ids({ q: `${word.toUpperCase()} REVIEW` })).toEqual([b.itemId]);
    expect(await ids({ kind: 'PUBLICATION_REVIEW' })).toEqual([b.itemId]);
    expect(await ids({ state: 'APPROVED' })).toEqual([placed.id]);
    expect(await ids({ state: ['DRAFT', 'APPROVED'] })).toHaveLength(3);
    expect(await ids({ authorId: author.id })).toHaveLength(3);
    expect(await ids({ issueId: issue.id })).toEqual([placed.id]);
    expect(await ids({ issueId: 'none' })).toEqual([a.itemId, b.itemId].sort());
    const tag = await db.tag.findFirstOrThrow({ where: { name: tagName } });
    expect(await ids({ tagId: tag.id })).toEqual([a.itemId]);

    const page1 = await listItems(editor, { q: word, pageSize: 2, page: 1 });
    const page2 = await listItems(editor, { q: word, pageSize: 2, page: 2 });
    expect(page1).toMatchObject({ total: 3, pageCount: 2, page: 1 });
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(3);
    // Junk in the query string is ignored, not an error.
    await expect(listItems(editor, { q: word, kind: 'NOPE' as never, page: 'x' as never })).resolves.toMatchObject({
      total: 3,
    });
  });

  it('returns open comment counts in the same number of queries for 2 items as for 30', async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const small = `small${Date.now()}`;
    const large = `large${Date.now()}`;
    for (const [word, n] of [
      [small, 2],
      [large, 30],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const item = await seedItem(db, { authorId: author.id, title: `${word} ${i}` });
        const c = await addComment(editor, item.id, { body: 'Please check.' });
        await addComment(editor, item.id, { body: 'And this.' });
        if (i % 2) await resolveComment(editor, c.id);
      }
    }
    const [smallPage, smallCost] = await countQueries(() => listItems(editor, { q: small, pageSize: 100 }));
    const [largePage, largeCost] = await countQueries(() => listItems(editor, { q: large, pageSize: 100 }));
    expect(smallPage.items).toHaveLength(2);
    expect(largePage.items).toHaveLength(30);
    expect(largeCost).toBe(smallCost);
    expect(largeCost).toBeLessThanOrEqual(8);
    const counts = largePage.items.map((i) => i.openCommentCount).sort();
    expect(counts.filter((c) => c === 1)).toHaveLength(15);
    expect(counts.filter((c) => c === 2)).toHaveLength(15);
  });
});
