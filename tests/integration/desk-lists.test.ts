/**
 * The dashboard's and the lists' data: recent activity and the desk overview, scoped by the policy,
 * in a fixed number of queries. A database of its own: "the latest events" must not race other files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { listRecentEvents } from '@/lib/audit/list-recent-events';
import { recordEvent } from '@/lib/audit/record-event';
import { getDeskOverview } from '@/lib/content/items/get-desk-overview';
import { listItemFilterOptions } from '@/lib/content/items/list-item-filter-options';
import { listItemsForRecord } from '@/lib/content/items/list-items-for-record';
import { addComment } from '@/lib/content/comments/add-comment';
import { fireTransition } from '@/lib/workflow/transition';
import { NotFoundError } from '@/lib/errors';
import { actorOf, rejectionOf, useAppClient } from '../helpers/app-client';
import { createIssue, createItem as seedItem, createMeeting, createUser } from '../helpers/factories';

const app = useAppClient({ fresh: true });
let db: Db;
beforeAll(() => {
  db = app.db;
});

async function people() {
  const [me, other, editor] = await Promise.all([
    createUser(db, 'CONTRIBUTOR'),
    createUser(db, 'CONTRIBUTOR'),
    createUser(db, 'EDITOR'),
  ]);
  return { me: actorOf(me), other: actorOf(other), editor: actorOf(editor) };
}

describe('recent activity', () => {
  it('shows a contributor only events on their own items, editors every item and issue event', async () => {
    const { me, other, editor } = await people();
    const mine = await seedItem(db, { authorId: me.id, title: 'My report' });
    const theirs = await seedItem(db, { authorId: other.id, title: 'Their report' });
    await fireTransition(me, mine.id, 'submit', { expectedVersion: 1 });
    await fireTransition(other, theirs.id, 'submit', { expectedVersion: 1 });
    await fireTransition(editor, mine.id, 'requestChanges', { expectedVersion: 2, note: 'Name the ministers.' });
    const issue = await createIssue(db, { state: 'PLANNED' });
    await recordEvent(db, {
      actorId: editor.id,
      action: 'issue.create',
      entityType: 'Issue',
      entityId: issue.id,
      toState: 'PLANNED',
    });
    await recordEvent(db, {
      actorId: editor.id,
      action: 'user.changeRole',
      entityType: 'User',
      entityId: other.id,
      fromState: 'CONTRIBUTOR',
      toState: 'EDITOR',
    });

    const forMe = await listRecentEvents(me);
    expect(forMe.map((e) => [e.action, e.subject])).toEqual([
      ['item.requestChanges', { type: 'item', id: mine.id, title: 'My report', kind: 'ARTICLE' }],
      ['item.submit', { type: 'item', id: mine.id, title: 'My report', kind: 'ARTICLE' }],
    ]);
    expect(forMe[0]).toMatchObject({
      note: 'Name the ministers.',
      actor: { id: editor.id },
      fromState: 'IN_REVIEW',
      toState: 'CHANGES_REQUESTED',
    });

    const forEditor = await listRecentEvents(editor, { limit: 4 });
    expect(forEditor.map((e) => e.action)).toEqual([
      'issue.create',
      'item.requestChanges',
      'item.submit',
      'item.submit',
    ]);
    expect(forEditor[0]!.subject).toEqual({ type: 'issue', id: issue.id, number: issue.number });
    // Account events are not the desk's business.
    expect((await listRecentEvents(editor, { limit: 50 })).some((e) => e.action.startsWith('user.'))).toBe(false);
  });

  it('refuses anyone without an active account', async () => {
    const gone = actorOf(await createUser(db, 'EDITOR', { status: 'DEACTIVATED' }));
    expect(await rejectionOf(listRecentEvents(null))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(listRecentEvents(gone))).toBeInstanceOf(NotFoundError);
  });

  it('costs one query, however many events there are', async () => {
    const { me, editor } = await people();
    const [, before] = await app.countQueries(() => listRecentEvents(me));
    for (let i = 0; i < 12; i++) {
      const item = await seedItem(db, { authorId: me.id });
      await fireTransition(me, item.id, 'submit', { expectedVersion: 1 });
    }
    const [events, after] = await app.countQueries(() => listRecentEvents(me));
    expect(events).toHaveLength(10);
    expect(after).toBe(before);
    expect(after).toBe(1);
    const [, editors] = await app.countQueries(() => listRecentEvents(editor));
    expect(editors).toBe(1);
  });
});

describe('the desk overview', () => {
  it('gives a contributor their own queues, with the editor’s latest note', async () => {
    const { me, other, editor } = await people();
    const draft = await seedItem(db, { authorId: me.id, title: 'Draft of mine' });
    const submitted = await seedItem(db, { authorId: me.id, title: 'Submitted of mine', state: 'IN_REVIEW' });
    const returned = await seedItem(db, { authorId: me.id, title: 'Returned of mine', state: 'IN_REVIEW' });
    await fireTransition(editor, returned.id, 'requestChanges', { expectedVersion: 1, note: 'First note.' });
    await fireTransition(me, returned.id, 'submit', { expectedVersion: 2 });
    await fireTransition(editor, returned.id, 'requestChanges', { expectedVersion: 3, note: 'Second note.' });
    await addComment(editor, returned.id, { body: 'And a typo.' });
    for (const state of ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'] as const)
      await seedItem(db, { authorId: other.id, state });

    const desk = await getDeskOverview(me);
    expect(desk.scope).toBe('own');
    expect(desk.myDrafts.items.map((i) => i.id)).toEqual([draft.id]);
    expect(desk.inReview.items.map((i) => i.id)).toEqual([submitted.id]);
    expect(desk.changesRequested.items.map((i) => [i.id, i.openCommentCount])).toEqual([[returned.id, 3]]);
    expect(desk.changesRequested.notes[returned.id]).toMatchObject({ note: 'Second note.', by: { id: editor.id } });
    expect(desk.approvedUnplaced).toBeNull();
    const everyone = [desk.myDrafts, desk.inReview, desk.changesRequested].flatMap((b) => b.items);
    expect(everyone.every((i) => i.author.id === me.id)).toBe(true);
    expect(desk.activity.every((e) => e.subject.type === 'item' && e.subject.id === returned.id)).toBe(true);
  });

  it('gives editors the whole desk: all in review, approved items in no issue', async () => {
    const { me, editor } = await people();
    const issue = await createIssue(db, { state: 'IN_PRODUCTION' });
    const inReview = await seedItem(db, { authorId: me.id, state: 'IN_REVIEW' });
    const loose = await seedItem(db, { authorId: me.id, state: 'APPROVED' });
    const placed = await seedItem(db, { authorId: me.id, state: 'APPROVED', section: issue.sections[0]! });
    const ownDraft = await seedItem(db, { authorId: editor.id });
    await seedItem(db, { authorId: me.id });

    const desk = await getDeskOverview(editor, { perBlock: 50 });
    expect(desk.scope).toBe('all');
    expect(desk.myDrafts.items.map((i) => i.id)).toEqual([ownDraft.id]);
    expect(desk.inReview.items.map((i) => i.id)).toContain(inReview.id);
    const approved = desk.approvedUnplaced!.items.map((i) => i.id);
    expect(approved).toContain(loose.id);
    expect(approved).not.toContain(placed.id);
  });

  it('costs the same number of queries for an empty desk as for a full one', async () => {
    const { me, editor } = await people();
    const empty = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const [, emptyCost] = await app.countQueries(() => getDeskOverview(empty));
    for (let i = 0; i < 8; i++) {
      await seedItem(db, { authorId: me.id });
      await seedItem(db, { authorId: me.id, state: 'IN_REVIEW' });
      const returned = await seedItem(db, { authorId: me.id, state: 'IN_REVIEW' });
      await fireTransition(editor, returned.id, 'requestChanges', { expectedVersion: 1, note: `Note ${i}` });
    }
    const [full, fullCost] = await app.countQueries(() => getDeskOverview(me));
    expect(full.changesRequested.total).toBe(8);
    expect(fullCost).toBe(emptyCost);
    expect(fullCost).toBe(2);
    const [, editorCost] = await app.countQueries(() => getDeskOverview(editor));
    expect(editorCost).toBe(2);
  });
});

describe('filters and linked items', () => {
  it('offers authors to editors only, and contributors only the issues holding their items', async () => {
    const { me, other, editor } = await people();
    const issue = await createIssue(db, { state: 'IN_PRODUCTION' });
    const elsewhere = await createIssue(db, { state: 'IN_PRODUCTION' });
    await seedItem(db, { authorId: me.id, state: 'APPROVED', section: issue.sections[0]! });
    await seedItem(db, { authorId: other.id, state: 'APPROVED', section: elsewhere.sections[0]! });

    const mine = await listItemFilterOptions(me);
    expect(mine.authors).toEqual([]);
    expect(mine.issues.map((i) => i.id)).toEqual([issue.id]);
    const editors = await listItemFilterOptions(editor);
    expect(editors.authors.map((a) => a.id)).toEqual(expect.arrayContaining([me.id, other.id]));
    expect(editors.issues.map((i) => i.id)).toEqual(expect.arrayContaining([issue.id, elsewhere.id]));
  });

  it('lists the items reporting on a meeting as far as the person may see them', async () => {
    const { me, other, editor } = await people();
    const meeting = await createMeeting(db);
    const mine = await seedItem(db, { authorId: me.id, kind: 'MEETING_REPORT', meetingId: meeting.id });
    const theirs = await seedItem(db, { authorId: other.id, kind: 'MEETING_REPORT', meetingId: meeting.id });
    expect((await listItemsForRecord(me, { meetingId: meeting.id })).map((i) => i.id)).toEqual([mine.id]);
    expect((await listItemsForRecord(editor, { meetingId: meeting.id })).map((i) => i.id).sort()).toEqual(
      [mine.id, theirs.id].sort(),
    );
    expect(await rejectionOf(listItemsForRecord(null, { meetingId: meeting.id }))).toBeInstanceOf(NotFoundError);
  });
});
