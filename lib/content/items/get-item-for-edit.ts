import 'server-only';
import type { Availability, DatePrecision, ItemKind, ItemState, PublicationKind } from '@/generated/prisma/enums';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError, enforce } from '@/lib/errors';
import { isoFromDate } from '@/lib/validation/common';
import type { TransitionName } from '@/lib/workflow/states';
import { snapshotFromRow, snapshotSelect } from './item-fields';
import { transitionButtonsFor } from './transition-buttons';
import type { ItemSnapshot } from './snapshot';

export type ItemForEdit = {
  id: string;
  kind: ItemKind;
  state: ItemState;
  /** Send back as expectedVersion with the next save or transition. */
  version: number;
  /** The form's starting values (the same shape updateItem takes as `fields`). */
  fields: ItemSnapshot;
  author: { id: string; name: string };
  issue: { id: string; number: number; coverLabel: string } | null;
  section: { id: string; title: string } | null;
  meeting: {
    id: string;
    name: string;
    startDate: string | null;
    endDate: string | null;
    datePrecision: DatePrecision;
    city: string;
    country: string;
    organisers: string;
    participants: string;
    url: string | null;
  } | null;
  publication: {
    id: string;
    title: string;
    authors: string;
    issuingBody: string;
    date: string | null;
    datePrecision: DatePrecision;
    kind: PublicationKind;
    availability: Availability;
    url: string | null;
    isbn: string | null;
  } | null;
  openCommentCount: number;
  /** While changes are requested: the editor's note, shown to the author. */
  /** The latest "request changes": its note is also the open review comment `commentId` (one thing, shown once). */
  changeRequest: {
    note: string;
    by: { id: string; name: string } | null;
    at: Date;
    commentId: string | null;
  } | null;
  lastSaved: { by: { id: string; name: string }; at: Date; revisionNumber: number } | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  correctedAt: Date | null;
  /** What the person may do now, for the page's buttons (the data functions check again). */
  permissions: {
    edit: boolean;
    comment: boolean;
    resolveComments: boolean;
    restoreRevision: boolean;
    transitions: { name: TransitionName; label: string; requiresNote: boolean }[];
  };
};

/** An item with everything its edit page shows. NotFoundError when it is missing or not theirs to see. */
export async function getItemForEdit(actor: Actor, itemId: string): Promise<ItemForEdit> {
  const person = requireActor(actor);
  const db = getDb();
  const item = await db.item.findUnique({
    where: { id: itemId },
    select: {
      ...snapshotSelect,
      id: true,
      kind: true,
      state: true,
      version: true,
      authorId: true,
      createdAt: true,
      updatedAt: true,
      publishedAt: true,
      correctedAt: true,
      author: { select: { id: true, name: true } },
      section: { select: { id: true, title: true, issue: { select: { id: true, number: true, coverLabel: true } } } },
      meeting: true,
      publication: true,
      _count: { select: { comments: { where: { resolvedAt: null } } } },
    },
  });
  if (!item) throw new NotFoundError();
  enforce(decideItem(person, 'item.read', item));

  const [lastRevision, changeRequest] = await Promise.all([
    db.revision.findFirst({
      where: { itemId, kind: { not: 'CONFLICT' } },
      orderBy: { number: 'desc' },
      select: { number: true, updatedAt: true, author: { select: { id: true, name: true } } },
    }),
    item.state === 'CHANGES_REQUESTED'
      ? db.auditEvent.findFirst({
          where: { entityType: 'Item', entityId: itemId, action: 'item.requestChanges' },
          orderBy: { id: 'desc' },
          select: { note: true, createdAt: true, data: true, actor: { select: { id: true, name: true } } },
        })
      : null,
  ]);

  const m = item.meeting;
  const p = item.publication;
  return {
    id: item.id,
    kind: item.kind,
    state: item.state,
    version: item.version,
    fields: snapshotFromRow(item),
    author: item.author,
    issue: item.section?.issue ?? null,
    section: item.section ? { id: item.section.id, title: item.section.title } : null,
    meeting: m
      ? {
          id: m.id,
          name: m.name,
          startDate: isoFromDate(m.startDate),
          endDate: isoFromDate(m.endDate),
          datePrecision: m.datePrecision,
          city: m.city,
          country: m.country,
          organisers: m.organisers,
          participants: m.participants,
          url: m.url,
        }
      : null,
    publication: p
      ? {
          id: p.id,
          title: p.title,
          authors: p.authors,
          issuingBody: p.issuingBody,
          date: isoFromDate(p.date),
          datePrecision: p.datePrecision,
          kind: p.kind,
          availability: p.availability,
          url: p.url,
          isbn: p.isbn,
        }
      : null,
    openCommentCount: item._count.comments,
    changeRequest: changeRequest
      ? {
          note: changeRequest.note ?? '',
          by: changeRequest.actor,
          at: changeRequest.createdAt,
          commentId: commentIdOf(changeRequest.data),
        }
      : null,
    lastSaved: lastRevision
      ? { by: lastRevision.author, at: lastRevision.updatedAt, revisionNumber: lastRevision.number }
      : null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    publishedAt: item.publishedAt,
    correctedAt: item.correctedAt,
    permissions: {
      edit: decideItem(person, 'item.edit', item) === 'allowed',
      comment: decideItem(person, 'item.comment', item) === 'allowed',
      resolveComments: decideItem(person, 'item.resolveComment', item) === 'allowed',
      restoreRevision: decideItem(person, 'item.restoreRevision', item) === 'allowed',
      transitions: transitionButtonsFor(person, item),
    },
  };
}

/** The review comment a "request changes" event posted (its data says which). */
function commentIdOf(data: unknown): string | null {
  if (data && typeof data === 'object' && 'commentId' in data && typeof data.commentId === 'string')
    return data.commentId;
  return null;
}
