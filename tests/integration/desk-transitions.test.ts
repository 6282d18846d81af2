import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import type { ItemState } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { fireTransition } from '@/lib/workflow/transition';
import { ITEM_STATES, type TransitionName } from '@/lib/workflow/states';
import { createItem } from '@/lib/content/items/create-item';
import { updateItem } from '@/lib/content/items/update-item';
import { getItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { listComments } from '@/lib/content/comments/list-comments';
import { listItemEvents } from '@/lib/audit/list-item-events';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { docFromParagraphs } from '@/lib/rich-text/document';
import { actorOf, rejectionOf, useAppClient } from '../helpers/app-client';
import { createItem as seedItem, createMeeting, createUser } from '../helpers/factories';

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});

/**
 * Every transition, fired through the service, by every kind of person, on an item in every state.
 * Written out by hand rather than derived from the policy, so a change to either shows up here.
 * A fired (state and audit event change), D refused as not allowed, H refused as not found.
 * Columns follow ITEM_STATES: DRAFT IN_REVIEW CHANGES_REQUESTED APPROVED PUBLISHED ARCHIVED.
 */
const PEOPLE = ['anonymous', 'deactivated', 'contributorOwn', 'contributorOther', 'editor', 'admin'] as const;
type Person = (typeof PEOPLE)[number];
const expected: Record<TransitionName, Record<Person, string>> = {
  submit: {
    anonymous: 'HHHHHH',
    deactivated: 'HHHHHH',
    contributorOwn: 'ADADDD',
    contributorOther: 'HHHHHH',
    editor: 'ADADDD',
    admin: 'ADADDD',
  },
  // The author takes back a submission while it waits; editors cannot (they request changes instead).
  withdraw: {
    anonymous: 'HHHHHH',
    deactivated: 'HHHHHH',
    contributorOwn: 'DADDDD',
    contributorOther: 'HHHHHH',
    editor: 'DDDDDD',
    admin: 'DDDDDD',
  },
  requestChanges: {
    anonymous: 'HHHHHH',
    deactivated: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'DADDDD',
    admin: 'DADDDD',
  },
  approve: {
    anonymous: 'HHHHHH',
    deactivated: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'DADDDD',
    admin: 'DADDDD',
  },
  unpublish: {
    anonymous: 'HHHHHH',
    deactivated: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'DDDDAD',
    admin: 'DDDDAD',
  },
  archive: {
    anonymous: 'HHHHHH',
    deactivated: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'AAAADD',
    admin: 'AAAADD',
  },
  // Only publishing a bulletin issue publishes items.
  publish: {
    anonymous: 'HHHHHH',
    deactivated: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'DDDDDD',
    admin: 'DDDDDD',
  },
};
const target: Record<TransitionName, ItemState> = {
  submit: 'IN_REVIEW',
  withdraw: 'DRAFT',
  requestChanges: 'CHANGES_REQUESTED',
  approve: 'APPROVED',
  unpublish: 'APPROVED',
  archive: 'ARCHIVED',
  publish: 'PUBLISHED',
};

describe('the transition service, transition by person by state', () => {
  for (const name of Object.keys(expected) as TransitionName[]) {
    it(`${name}: fires only for the people and states the workflow allows`, async () => {
      const owner = await createUser(db, 'CONTRIBUTOR');
      const people: Record<Person, Actor> = {
        anonymous: null,
        deactivated: actorOf(await createUser(db, 'ADMIN', { status: 'DEACTIVATED' })),
        contributorOwn: actorOf(owner),
        contributorOther: actorOf(await createUser(db, 'CONTRIBUTOR')),
        editor: actorOf(await createUser(db, 'EDITOR')),
        admin: actorOf(await createUser(db, 'ADMIN')),
      };
      const outcomes: Record<Person, string> = {
        anonymous: '',
        deactivated: '',
        contributorOwn: '',
        contributorOther: '',
        editor: '',
        admin: '',
      };
      for (const person of PEOPLE) {
        for (const state of ITEM_STATES) {
          const item = await seedItem(db, { authorId: owner.id, state });
          let outcome: string;
          try {
            const result = await fireTransition(people[person], item.id, name, { expectedVersion: 1, note: 'A note.' });
            expect(result).toMatchObject({ fromState: state, toState: target[name], version: 2 });
            outcome = 'A';
          } catch (e) {
            outcome = e instanceof NotFoundError ? 'H' : e instanceof NotAllowedError ? 'D' : `?${String(e)}`;
          }
          outcomes[person] += outcome;
          const after = await db.item.findUniqueOrThrow({ where: { id: item.id } });
          const events = await db.auditEvent.count({ where: { entityType: 'Item', entityId: item.id } });
          if (outcome === 'A') {
            expect(after).toMatchObject({ state: target[name], version: 2 });
            expect(events).toBe(1);
          } else {
            expect(after).toMatchObject({ state, version: 1 });
            expect(events).toBe(0);
          }
        }
      }
      expect(outcomes).toEqual(expected[name]);
    });
  }
});

describe('firing a transition', () => {
  it('writes one audit event with who, from, to and the note', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const editor = await createUser(db, 'EDITOR');
    const item = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
    const result = await fireTransition(actorOf(editor), item.id, 'approve', {
      expectedVersion: 1,
      note: '  Fine as it is.  ',
    });
    const events = await db.auditEvent.findMany({ where: { entityType: 'Item', entityId: item.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: editor.id,
      action: 'item.approve',
      fromState: 'IN_REVIEW',
      toState: 'APPROVED',
      note: 'Fine as it is.',
    });
    expect(result.auditEventId).toBe(events[0]!.id.toString());
  });

  it('refuses a version the person did not see, with the current state', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const item = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
    await db.item.update({ where: { id: item.id }, data: { version: 3 } });
    const error = await rejectionOf(fireTransition(editor, item.id, 'approve', { expectedVersion: 2 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual({ itemId: item.id, state: 'IN_REVIEW', version: 3 });
    expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      state: 'IN_REVIEW',
      version: 3,
    });
  });

  it('requires a note to request changes, and shows it to the author as an open comment', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const item = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
    const noNote = await rejectionOf(
      fireTransition(editor, item.id, 'requestChanges', { expectedVersion: 1, note: '   ' }),
    );
    expect(noNote).toBeInstanceOf(ValidationError);
    expect((noNote as ValidationError).fieldErrors.note).toHaveLength(1);
    expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      state: 'IN_REVIEW',
      version: 1,
    });

    await fireTransition(editor, item.id, 'requestChanges', { expectedVersion: 1, note: 'Name the organisers.' });
    const seenByAuthor = await getItemForEdit(actorOf(owner), item.id);
    expect(seenByAuthor.changeRequest).toMatchObject({ note: 'Name the organisers.', by: { id: editor.id } });
    expect(seenByAuthor.openCommentCount).toBe(1);
    expect(seenByAuthor.permissions.edit).toBe(true);
    expect(await listComments(actorOf(owner), item.id)).toMatchObject([
      { body: 'Name the organisers.', author: { id: editor.id }, resolvedAt: null },
    ]);
  });

  it('requires the meeting of a meeting report before review, as a field error', async () => {
    const owner = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const created = await createItem(owner, {
      kind: 'MEETING_REPORT',
      title: 'A meeting',
      body: docFromParagraphs(['Text.']),
    });
    const error = await rejectionOf(fireTransition(owner, created.itemId, 'submit', { expectedVersion: 1 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['meetingId']);
  });

  it('runs the whole review loop, and the trail tells it', async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const meeting = await createMeeting(db);
    const fields = { title: 'Bali conference', body: docFromParagraphs(['First draft.']), meetingId: meeting.id };
    const created = await createItem(contributor, { kind: 'MEETING_REPORT', ...fields });
    let v = (await fireTransition(contributor, created.itemId, 'submit', { expectedVersion: created.version })).version;
    // Submitted: read-only for the contributor until changes are requested (or they withdraw it).
    expect(await rejectionOf(updateItem(contributor, created.itemId, { expectedVersion: v, fields }))).toBeInstanceOf(
      NotAllowedError,
    );
    expect((await getItemForEdit(contributor, created.itemId)).permissions).toMatchObject({
      edit: false,
      transitions: [{ name: 'withdraw', label: 'Withdraw from review', requiresNote: false }],
    });
    v = (
      await fireTransition(editor, created.itemId, 'requestChanges', {
        expectedVersion: v,
        note: 'Say who organised it.',
      })
    ).version;
    v = (
      await updateItem(contributor, created.itemId, {
        expectedVersion: v,
        fields: { ...fields, body: docFromParagraphs(['Organised by IOM.']) },
      })
    ).version;
    v = (await fireTransition(contributor, created.itemId, 'submit', { expectedVersion: v })).version;
    await fireTransition(editor, created.itemId, 'approve', { expectedVersion: v });
    const trail = await listItemEvents(contributor, created.itemId);
    expect(trail.map((e) => [e.action, e.fromState, e.toState, e.actor?.id])).toEqual([
      ['item.create', null, 'DRAFT', contributor.id],
      ['item.submit', 'DRAFT', 'IN_REVIEW', contributor.id],
      ['item.requestChanges', 'IN_REVIEW', 'CHANGES_REQUESTED', editor.id],
      ['item.submit', 'CHANGES_REQUESTED', 'IN_REVIEW', contributor.id],
      ['item.approve', 'IN_REVIEW', 'APPROVED', editor.id],
    ]);
    expect(trail[2]!.note).toBe('Say who organised it.');
  });

  it('clears the publication date when unpublishing', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const item = await seedItem(db, { authorId: owner.id, state: 'PUBLISHED' });
    await fireTransition(actorOf(await createUser(db, 'EDITOR')), item.id, 'unpublish', { expectedVersion: 1 });
    expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      state: 'APPROVED',
      publishedAt: null,
    });
  });
});

describe('transition names from a form', () => {
  it('are only the workflow table’s own', async () => {
    const owner = await createUser(db, 'CONTRIBUTOR');
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const item = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
    for (const name of ['__proto__', 'constructor', 'toString', 'delete', '']) {
      expect(
        await rejectionOf(fireTransition(editor, item.id, name as TransitionName, { expectedVersion: 1 })),
      ).toBeInstanceOf(NotFoundError);
    }
    expect(
      await rejectionOf(fireTransition(editor, item.id, 'approve', { expectedVersion: 'x' as never })),
    ).toBeInstanceOf(ValidationError);
    expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      state: 'IN_REVIEW',
      version: 1,
    });
  });
});
