import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { fireTransition } from '@/lib/workflow/transition';
import { createItem } from '@/lib/content/items/create-item';
import { updateItem } from '@/lib/content/items/update-item';
import { getItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { getRevision, listRevisions } from '@/lib/content/items/list-revisions';
import { restoreRevision } from '@/lib/content/items/restore-revision';
import type { ItemConflict } from '@/lib/content/items/item-conflict';
import { ConflictError } from '@/lib/errors';
import { docFromParagraphs, toPlainText } from '@/lib/rich-text/document';
import { actorOf, rejectionOf, useAppClient } from '../helpers/app-client';
import { createItem as seedItem, createUser } from '../helpers/factories';

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});

const fields = (title: string, ...paragraphs: string[]) => ({
  title,
  standfirst: '',
  body: docFromParagraphs(paragraphs),
});

describe('two editors approving at once', () => {
  it('make one transition and one audit event; the other is told of the conflict', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const [alice, bob] = [actorOf(await createUser(db, 'EDITOR')), actorOf(await createUser(db, 'ADMIN'))];
    for (let round = 0; round < 5; round++) {
      const item = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
      const results = await Promise.allSettled([
        fireTransition(alice, item.id, 'approve', { expectedVersion: 1 }),
        fireTransition(bob, item.id, 'approve', { expectedVersion: 1 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(ConflictError);
      expect((refused.reason as ConflictError).current).toMatchObject({ state: 'APPROVED', version: 2 });
      expect(
        await db.auditEvent.count({ where: { entityType: 'Item', entityId: item.id, action: 'item.approve' } }),
      ).toBe(1);
      expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
        state: 'APPROVED',
        version: 2,
      });
    }
  });

  it('approve and request changes at once: one wins, the other conflicts', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const [alice, bob] = [actorOf(await createUser(db, 'EDITOR')), actorOf(await createUser(db, 'EDITOR'))];
    const item = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
    const results = await Promise.allSettled([
      fireTransition(alice, item.id, 'approve', { expectedVersion: 1 }),
      fireTransition(bob, item.id, 'requestChanges', { expectedVersion: 1, note: 'More detail.' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityType: 'Item', entityId: item.id } })).toBe(1);
  });
});

describe('saving an item someone else changed', () => {
  it('refuses the stale save with their fields, who saved them and what changed; keeps my text', async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const editor = await createUser(db, 'EDITOR');
    const created = await createItem(actorOf(author), {
      kind: 'ARTICLE',
      ...fields('Smuggling routes', 'Boats left from Java.'),
    });
    // Both open version 1. The editor saves first.
    await updateItem(actorOf(editor), created.itemId, {
      expectedVersion: 1,
      fields: fields('Smuggling routes', 'Boats left from Java in March.'),
    });
    const mine = fields('Smuggling routes', 'Boats left from Java and Lombok.');
    const error = await rejectionOf(
      updateItem(actorOf(author), created.itemId, { expectedVersion: 1, fields: mine, autosave: true }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = (error as ConflictError<ItemConflict>).current;
    expect(conflict).toMatchObject({
      version: 2,
      state: 'DRAFT',
      canEdit: true,
      lastSavedBy: { id: editor.id, name: editor.name },
    });
    expect(toPlainText(conflict.theirs.body)).toBe('Boats left from Java in March.');
    expect(conflict.theirChanges).toEqual([
      expect.objectContaining({
        field: 'body',
        parts: expect.arrayContaining([
          expect.objectContaining({ value: expect.stringContaining('March'), added: true }),
        ]),
      }),
    ]);
    expect(conflict.yourChanges.map((c) => c.field)).toEqual(['body']);

    // The refused text is kept in history, and the item still holds the editor's text.
    const kept = await getRevision(actorOf(author), created.itemId, conflict.keptAsRevision!);
    expect(kept).toMatchObject({ kind: 'CONFLICT', itemVersion: 1, author: { id: author.id } });
    expect(toPlainText(kept.snapshot.body)).toBe('Boats left from Java and Lombok.');
    expect(toPlainText((await getItemForEdit(actorOf(author), created.itemId)).fields.body)).toBe(
      'Boats left from Java in March.',
    );

    // Re-apply mine on top, having seen theirs: a normal save at the current version.
    const merged = fields('Smuggling routes', 'Boats left from Java and Lombok in March.');
    const saved = await updateItem(actorOf(author), created.itemId, {
      expectedVersion: conflict.version,
      fields: merged,
    });
    expect(saved.version).toBe(3);
    // Nothing was lost: every text is in history.
    const texts = await Promise.all(
      (await listRevisions(actorOf(author), created.itemId)).map(async (r) =>
        toPlainText((await getRevision(actorOf(author), created.itemId, r.number)).snapshot.body),
      ),
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        'Boats left from Java.',
        'Boats left from Java in March.',
        'Boats left from Java and Lombok.',
        'Boats left from Java and Lombok in March.',
      ]),
    );
  });

  it('two people saving the same version at the same moment: one save wins, the other is refused and kept', async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const editor = await createUser(db, 'EDITOR');
    for (let round = 0; round < 3; round++) {
      const created = await createItem(actorOf(author), { kind: 'ARTICLE', ...fields('Race', 'Original.') });
      const results = await Promise.allSettled([
        updateItem(actorOf(author), created.itemId, {
          expectedVersion: 1,
          fields: fields('Race', 'Author text.'),
          autosave: true,
        }),
        updateItem(actorOf(editor), created.itemId, {
          expectedVersion: 1,
          fields: fields('Race', 'Editor text.'),
          autosave: true,
        }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult)
        .reason as ConflictError<ItemConflict>;
      expect(refused).toBeInstanceOf(ConflictError);
      const item = await db.item.findUniqueOrThrow({ where: { id: created.itemId } });
      expect(item.version).toBe(2);
      const revisions = await db.revision.findMany({ where: { itemId: created.itemId }, orderBy: { number: 'asc' } });
      expect(revisions.map((r) => r.kind)).toEqual(['SAVE', 'AUTOSAVE', 'CONFLICT']);
      const stored = revisions.map((r) => toPlainText((r.snapshot as { body: never }).body));
      expect(stored.slice(1).sort()).toEqual(['Author text.', 'Editor text.']);
    }
  });

  it('a refused text can be re-applied later by restoring its revision', async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const editor = await createUser(db, 'EDITOR');
    const created = await createItem(actorOf(author), { kind: 'ARTICLE', ...fields('T', 'One.') });
    await updateItem(actorOf(editor), created.itemId, { expectedVersion: 1, fields: fields('T', 'Editor.') });
    const conflict = (
      (await rejectionOf(
        updateItem(actorOf(author), created.itemId, { expectedVersion: 1, fields: fields('T', 'Mine.') }),
      )) as ConflictError<ItemConflict>
    ).current;
    // The author closed the page; later they take their text back from history.
    await restoreRevision(actorOf(author), created.itemId, conflict.keptAsRevision!, {
      expectedVersion: conflict.version,
    });
    expect(toPlainText((await getItemForEdit(actorOf(author), created.itemId)).fields.body)).toBe('Mine.');
  });

  it("refused because the item moved on in the workflow: says so, and still keeps the person's text", async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const editor = await createUser(db, 'EDITOR');
    const created = await createItem(actorOf(author), { kind: 'ARTICLE', ...fields('T', 'Draft.') });
    await fireTransition(actorOf(editor), created.itemId, 'submit', { expectedVersion: 1 });
    const error = await rejectionOf(
      updateItem(actorOf(author), created.itemId, {
        expectedVersion: 1,
        fields: fields('T', 'Typed meanwhile.'),
        autosave: true,
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = (error as ConflictError<ItemConflict>).current;
    expect(conflict).toMatchObject({
      state: 'IN_REVIEW',
      version: 2,
      canEdit: false,
      lastTransition: { action: 'item.submit', by: { id: editor.id } },
    });
    expect(
      toPlainText((await getRevision(actorOf(author), created.itemId, conflict.keptAsRevision!)).snapshot.body),
    ).toBe('Typed meanwhile.');
  });

  it('repeated refused autosaves from the same stale page are kept as one revision', async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const editor = await createUser(db, 'EDITOR');
    const created = await createItem(actorOf(author), { kind: 'ARTICLE', ...fields('T', 'One.') });
    await updateItem(actorOf(editor), created.itemId, { expectedVersion: 1, fields: fields('T', 'Editor.') });
    for (const text of ['M', 'Mi', 'Min', 'Mine.']) {
      await rejectionOf(
        updateItem(actorOf(author), created.itemId, { expectedVersion: 1, fields: fields('T', text), autosave: true }),
      );
    }
    const conflicts = await db.revision.findMany({ where: { itemId: created.itemId, kind: 'CONFLICT' } });
    expect(conflicts).toHaveLength(1);
    expect(toPlainText((conflicts[0]!.snapshot as { body: never }).body)).toBe('Mine.');
  });
});
