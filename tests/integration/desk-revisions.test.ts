import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { createItem } from '@/lib/content/items/create-item';
import { updateItem } from '@/lib/content/items/update-item';
import { getItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { getRevision, listRevisions } from '@/lib/content/items/list-revisions';
import { compareRevisions } from '@/lib/content/items/compare-revisions';
import { restoreRevision } from '@/lib/content/items/restore-revision';
import { fireTransition } from '@/lib/workflow/transition';
import { AUTOSAVE_COALESCE_MINUTES } from '@/lib/content/items/record-revision';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { docFromParagraphs, toPlainText } from '@/lib/rich-text/document';
import { actorOf, rejectionOf, useAppClient } from '../helpers/app-client';
import { createItem as seedItem, createMeeting, createUser } from '../helpers/factories';

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});

const fields = (text: string, extra: Record<string, unknown> = {}) => ({
  title: 'Report',
  standfirst: '',
  body: docFromParagraphs([text]),
  ...extra,
});

async function newItem() {
  const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
  const created = await createItem(author, { kind: 'ARTICLE', ...fields('Start.') });
  return { author, itemId: created.itemId };
}

const kinds = async (itemId: string) =>
  (await db.revision.findMany({ where: { itemId }, orderBy: { number: 'asc' } })).map((r) => r.kind);

describe('revisions', () => {
  it("coalesce one person's autosaves within a few minutes; explicit saves always add one", async () => {
    const { author, itemId } = await newItem();
    let v = 1;
    for (const text of ['A', 'Ab', 'Abc'])
      v = (await updateItem(author, itemId, { expectedVersion: v, fields: fields(text), autosave: true })).version;
    expect(await kinds(itemId)).toEqual(['SAVE', 'AUTOSAVE']);
    const coalesced = await getRevision(author, itemId, 2);
    expect(toPlainText(coalesced.snapshot.body)).toBe('Abc');
    expect(coalesced.itemVersion).toBe(v);
    expect(coalesced.updatedAt.getTime()).toBeGreaterThanOrEqual(coalesced.createdAt.getTime());

    v = (await updateItem(author, itemId, { expectedVersion: v, fields: fields('Saved.') })).version;
    v = (await updateItem(author, itemId, { expectedVersion: v, fields: fields('Saved again.') })).version;
    expect(await kinds(itemId)).toEqual(['SAVE', 'AUTOSAVE', 'SAVE', 'SAVE']);
    // An autosave after an explicit save starts a new revision rather than changing the saved one.
    v = (await updateItem(author, itemId, { expectedVersion: v, fields: fields('Typing on.'), autosave: true }))
      .version;
    expect(await kinds(itemId)).toEqual(['SAVE', 'AUTOSAVE', 'SAVE', 'SAVE', 'AUTOSAVE']);
    expect(toPlainText((await getRevision(author, itemId, 4)).snapshot.body)).toBe('Saved again.');
  });

  it('start a new revision after the window, after someone else saved, and after a transition', async () => {
    const { author, itemId } = await newItem();
    const editor = actorOf(await createUser(db, 'EDITOR'));
    let v = (await updateItem(author, itemId, { expectedVersion: 1, fields: fields('One'), autosave: true })).version;
    await db.revision.updateMany({
      where: { itemId, number: 2 },
      data: { createdAt: new Date(Date.now() - (AUTOSAVE_COALESCE_MINUTES + 1) * 60_000) },
    });
    v = (await updateItem(author, itemId, { expectedVersion: v, fields: fields('Two'), autosave: true })).version;
    expect(await kinds(itemId)).toEqual(['SAVE', 'AUTOSAVE', 'AUTOSAVE']);

    v = (await updateItem(editor, itemId, { expectedVersion: v, fields: fields('Editor'), autosave: true })).version;
    v = (await updateItem(author, itemId, { expectedVersion: v, fields: fields('Author again'), autosave: true }))
      .version;
    expect((await listRevisions(author, itemId)).map((r) => r.author.id).slice(0, 2)).toEqual([author.id, editor.id]);
    expect(await kinds(itemId)).toHaveLength(5);

    v = (await fireTransition(author, itemId, 'submit', { expectedVersion: v })).version;
    v = (await fireTransition(editor, itemId, 'requestChanges', { expectedVersion: v, note: 'More.' })).version;
    await updateItem(author, itemId, { expectedVersion: v, fields: fields('After review'), autosave: true });
    expect(await kinds(itemId)).toHaveLength(6);
  });

  it('record every editable field, including tags, sources and links', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const meeting = await createMeeting(db);
    const created = await createItem(author, {
      kind: 'MEETING_REPORT',
      title: 'Bali',
      slug: 'bali-report',
      standfirst: 'Ministers met.',
      body: docFromParagraphs(['Text.']),
      tags: [{ kind: 'REGION', name: 'Asia-Pacific' }],
      sources: [{ name: 'AFP', url: 'https://afp.example/1', date: '2002-02-27' }],
      meetingId: meeting.id,
    });
    expect((await getRevision(author, created.itemId, 1)).snapshot).toEqual({
      title: 'Bali',
      slug: 'bali-report',
      standfirst: 'Ministers met.',
      body: docFromParagraphs(['Text.']),
      tags: [{ kind: 'REGION', name: 'Asia-Pacific' }],
      sources: [{ name: 'AFP', url: 'https://afp.example/1', date: '2002-02-27' }],
      meetingId: meeting.id,
      publicationId: null,
      meetingLabel: meeting.name,
      publicationLabel: null,
    });
  });

  it('compare any two: words in the texts, field by field for the rest', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const [m1, m2] = [await createMeeting(db), await createMeeting(db)];
    const created = await createItem(author, {
      kind: 'MEETING_REPORT',
      title: 'Regional conference',
      standfirst: 'Officials met in Bali.',
      body: docFromParagraphs(['Thirty-eight countries took part.']),
      tags: [{ kind: 'COUNTRY', name: 'Indonesia' }],
      sources: [{ name: 'AFP', url: null, date: null }],
      meetingId: m1.id,
    });
    await updateItem(author, created.itemId, {
      expectedVersion: 1,
      fields: {
        title: 'Regional ministerial conference',
        slug: 'bali-ministerial',
        standfirst: 'Ministers met in Bali.',
        body: docFromParagraphs(['Thirty-eight countries and territories took part.']),
        tags: [{ kind: 'COUNTRY', name: 'Australia' }],
        sources: [
          { name: 'AFP', url: null, date: null },
          { name: 'Reuters', url: null, date: '2002-02-28' },
        ],
        meetingId: m2.id,
      },
    });
    const { changes, from, to } = await compareRevisions(author, created.itemId, 1, 2);
    expect([from.number, to.number]).toEqual([1, 2]);
    const byField = Object.fromEntries(changes.map((c) => [c.field, c]));
    expect(Object.keys(byField)).toEqual(['title', 'slug', 'standfirst', 'body', 'tags', 'sources', 'meeting']);
    expect(byField.title).toMatchObject({
      type: 'text',
      parts: [{ value: 'Regional ' }, { value: 'ministerial ', added: true }, { value: 'conference' }],
    });
    expect(byField.standfirst).toMatchObject({
      parts: expect.arrayContaining([
        { value: 'Officials', removed: true },
        { value: 'Ministers', added: true },
      ]),
    });
    expect(byField.body).toMatchObject({
      formattingOnly: false,
      parts: expect.arrayContaining([
        expect.objectContaining({ value: expect.stringContaining('territories'), added: true }),
      ]),
    });
    expect(byField.slug).toMatchObject({ before: 'regional-conference', after: 'bali-ministerial' });
    expect(byField.tags).toMatchObject({ added: ['Country: Australia'], removed: ['Country: Indonesia'] });
    expect(byField.sources).toMatchObject({ added: ['Reuters, 2002-02-28'], removed: [] });
    expect(byField.meeting).toMatchObject({ before: m1.name, after: m2.name });
    // Either order.
    expect(
      (await compareRevisions(author, created.itemId, 2, 1)).changes.find((c) => c.field === 'tags'),
    ).toMatchObject({ added: ['Country: Indonesia'] });
  });

  it('notice a change of formatting alone', async () => {
    const { author, itemId } = await newItem();
    await updateItem(author, itemId, {
      expectedVersion: 1,
      fields: {
        title: 'Report',
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Start.', marks: [{ type: 'bold' }] }] }],
        },
      },
    });
    expect((await compareRevisions(author, itemId, 1, 2)).changes).toEqual([
      { field: 'body', label: 'Text', type: 'text', parts: [{ value: 'Start.' }], formattingOnly: true },
    ]);
  });

  it('restore by saving the old fields as a new revision and version; history is untouched', async () => {
    const { author, itemId } = await newItem();
    await updateItem(author, itemId, {
      expectedVersion: 1,
      fields: fields('Second.', { tags: [{ kind: 'THEME', name: 'Smuggling' }] }),
    });
    const before = await db.revision.findMany({ where: { itemId }, orderBy: { number: 'asc' } });
    const restored = await restoreRevision(author, itemId, 1, { expectedVersion: 2 });
    expect(restored).toMatchObject({ version: 3, revision: { number: 3, kind: 'RESTORE', coalesced: false } });
    const item = await getItemForEdit(author, itemId);
    expect(toPlainText(item.fields.body)).toBe('Start.');
    expect(item.fields.tags).toEqual([]);
    const after = await db.revision.findMany({ where: { itemId }, orderBy: { number: 'asc' } });
    expect(after.slice(0, 2)).toEqual(before);
    expect(after[2]).toMatchObject({ kind: 'RESTORE', restoredFromNumber: 1, itemVersion: 3 });
    expect((await compareRevisions(author, itemId, 1, 3)).changes).toEqual([]);
  });

  it('restore refuses stale versions, people who may not, and missing revisions', async () => {
    const { author, itemId } = await newItem();
    const editor = actorOf(await createUser(db, 'EDITOR'));
    await updateItem(author, itemId, { expectedVersion: 1, fields: fields('Second.') });
    expect(await rejectionOf(restoreRevision(author, itemId, 1, { expectedVersion: 1 }))).toBeInstanceOf(ConflictError);
    expect(
      await rejectionOf(
        restoreRevision(actorOf(await createUser(db, 'CONTRIBUTOR')), itemId, 1, { expectedVersion: 2 }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(restoreRevision(null, itemId, 1, { expectedVersion: 2 }))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(restoreRevision(author, itemId, 99, { expectedVersion: 2 }))).toBeInstanceOf(
      NotFoundError,
    );
    await fireTransition(author, itemId, 'submit', { expectedVersion: 2 });
    expect(await rejectionOf(restoreRevision(author, itemId, 1, { expectedVersion: 3 }))).toBeInstanceOf(
      NotAllowedError,
    );
    await expect(restoreRevision(editor, itemId, 1, { expectedVersion: 3 })).resolves.toMatchObject({ version: 4 });
    await fireTransition(editor, itemId, 'archive', { expectedVersion: 4 });
    expect(await rejectionOf(restoreRevision(editor, itemId, 1, { expectedVersion: 5 }))).toBeInstanceOf(
      NotAllowedError,
    );
  });

  it('restore checks the old fields again: a link to a deleted meeting is a field error', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const meeting = await createMeeting(db);
    const created = await createItem(author, { kind: 'MEETING_REPORT', ...fields('One.'), meetingId: meeting.id });
    await updateItem(author, created.itemId, { expectedVersion: 1, fields: { ...fields('Two.'), meetingId: null } });
    await db.meeting.delete({ where: { id: meeting.id } });
    const error = await rejectionOf(restoreRevision(author, created.itemId, 1, { expectedVersion: 2 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['meetingId']);
  });

  it('give items made before revisions (imported, seeded) their prior state as revision 1', async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const seeded = await seedItem(db, { authorId: author.id, paragraphs: ['Imported text.'] });
    await updateItem(actorOf(author), seeded.id, { expectedVersion: 1, fields: fields('Edited text.') });
    const revisions = await listRevisions(actorOf(author), seeded.id);
    expect(revisions.map((r) => [r.number, r.kind, r.itemVersion])).toEqual([
      [2, 'SAVE', 2],
      [1, 'SAVE', 1],
    ]);
    expect(toPlainText((await getRevision(actorOf(author), seeded.id, 1)).snapshot.body)).toBe('Imported text.');
  });

  it('are not shown to people who may not see the item', async () => {
    const { itemId } = await newItem();
    const stranger = actorOf(await createUser(db, 'CONTRIBUTOR'));
    expect(await rejectionOf(listRevisions(stranger, itemId))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(getRevision(stranger, itemId, 1))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(compareRevisions(null, itemId, 1, 1))).toBeInstanceOf(NotFoundError);
  });
});
