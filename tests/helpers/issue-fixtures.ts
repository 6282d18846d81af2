import { randomInt } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { IssueState, ItemKind, ItemState } from '@/generated/prisma/enums';
import { createIssue, createItem, createMeeting, createUser } from './factories';
import { actorOf } from './app-client';

/** Test data for the issue desk: an editor, a contributor, an issue in production with placed items. */

export async function createPeople(db: Db) {
  const [editor, admin, contributor, deactivated] = await Promise.all([
    createUser(db, 'EDITOR'),
    createUser(db, 'ADMIN'),
    createUser(db, 'CONTRIBUTOR'),
    createUser(db, 'EDITOR', { status: 'DEACTIVATED' }),
  ]);
  return {
    editorUser: editor,
    editor: actorOf(editor),
    admin: actorOf(admin),
    contributorUser: contributor,
    contributor: actorOf(contributor),
    deactivated: actorOf(deactivated),
    anonymous: null,
  };
}

export async function createPublication(db: Db, overrides: { issuingBody?: string } = {}) {
  return db.publication.create({
    data: { title: `Test report ${randomInt(1e9)}`, issuingBody: overrides.issuingBody ?? 'IOM' },
  });
}

/**
 * An issue (not published) whose sections each hold `perSection` approved items; ready to publish.
 * Sections: Lead (articles only), Meetings and Policy (any), New Publications (reviews only).
 */
export async function createReadyIssue(
  db: Db,
  opts: { state?: IssueState; perSection?: number; authorId?: string } = {},
) {
  const authorId = opts.authorId ?? (await createUser(db, 'CONTRIBUTOR')).id;
  const issue = await createIssue(db, {
    state: opts.state ?? 'IN_PRODUCTION',
    sections: ['Lead', 'Meetings and Policy', 'New Publications'],
  });
  const [lead, meetings, reviews] = issue.sections as [
    (typeof issue.sections)[number],
    (typeof issue.sections)[number],
    (typeof issue.sections)[number],
  ];
  await db.section.update({ where: { id: lead.id }, data: { acceptsKind: 'ARTICLE' } });
  await db.section.update({ where: { id: reviews.id }, data: { acceptsKind: 'PUBLICATION_REVIEW' } });
  const perSection = opts.perSection ?? 1;
  const items = [];
  for (let i = 0; i < perSection; i++) {
    items.push(await createItem(db, { authorId, state: 'APPROVED', section: lead, position: i }));
    const meeting = await createMeeting(db);
    items.push(
      await createItem(db, {
        authorId,
        state: 'APPROVED',
        kind: 'MEETING_REPORT',
        meetingId: meeting.id,
        section: meetings,
        position: i,
      }),
    );
    const publication = await createPublication(db);
    items.push(
      await createItem(db, {
        authorId,
        state: 'APPROVED',
        kind: 'PUBLICATION_REVIEW',
        publicationId: publication.id,
        section: reviews,
        position: i,
      }),
    );
  }
  return { issue, sections: { lead, meetings, reviews }, items, authorId };
}

/** An unplaced item (kind and state as asked); meeting reports and reviews get their meeting or publication. */
export async function createLooseItem(db: Db, authorId: string, opts: { kind?: ItemKind; state?: ItemState } = {}) {
  const kind = opts.kind ?? 'ARTICLE';
  const meetingId = kind === 'MEETING_REPORT' ? (await createMeeting(db)).id : undefined;
  const publicationId = kind === 'PUBLICATION_REVIEW' ? (await createPublication(db)).id : undefined;
  return createItem(db, { authorId, kind, state: opts.state ?? 'APPROVED', meetingId, publicationId });
}

export async function auditEventsFor(db: Db, entityIds: string[], action?: string) {
  return db.auditEvent.findMany({
    where: { entityId: { in: entityIds }, ...(action ? { action } : {}) },
    orderBy: { id: 'asc' },
  });
}
