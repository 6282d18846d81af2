import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { ItemKind, ItemState } from '@/generated/prisma/enums';
import { can, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { visibleItemsSql } from '@/lib/authz/visible-items-sql';
import { getDb } from '@/lib/db/client';
import { listRecentEvents, type RecentEventView } from '@/lib/audit/list-recent-events';
import type { ItemListRow } from './list-items';

/** What a dashboard block shows of an item (a subset of the item list's row). */
export type DeskItem = Pick<
  ItemListRow,
  'id' | 'kind' | 'state' | 'title' | 'author' | 'issue' | 'openCommentCount' | 'updatedAt'
>;

export type DeskBlock = { items: DeskItem[]; total: number };

/** The editor's latest "request changes" note on an item, shown to its author on the dashboard. */
export type ChangeRequestNote = { note: string; by: { id: string; name: string } | null; at: Date };

export type DeskOverview = {
  /** Editors and admins see the whole desk; contributors their own items. */
  scope: 'all' | 'own';
  /** The person's own drafts. */
  myDrafts: DeskBlock;
  /** Editors: everything in review. Contributors: their own submitted items. */
  inReview: DeskBlock;
  /** Editors: every item waiting on its author. Contributors: theirs. With the editor's latest note. */
  changesRequested: DeskBlock & { notes: Record<string, ChangeRequestNote> };
  /** Editors only: approved items in no bulletin issue yet. */
  approvedUnplaced: DeskBlock | null;
  activity: RecentEventView[];
};

export type GetDeskOverviewOptions = { perBlock?: number; activity?: number };

type Row = {
  id: string;
  kind: ItemKind;
  state: ItemState;
  title: string;
  updatedAt: Date;
  total: number;
  authorId: string;
  authorName: string;
  issueId: string | null;
  issueNumber: number | null;
  openComments: number;
  note: string | null;
  noteAt: Date | null;
  noteById: string | null;
  noteByName: string | null;
};

/**
 * Everything the dashboard shows, policy-scoped, in two queries whatever the data: one for the four
 * item blocks (each block is one workflow state, so a window per state gives each block its newest
 * few and its total, with authors, issues, open comment counts and the latest change-request note
 * joined in), one for the recent activity. The two run side by side.
 */
export async function getDeskOverview(actor: Actor, options: GetDeskOverviewOptions = {}): Promise<DeskOverview> {
  const person = requireActor(actor);
  const perBlock = Math.min(50, Math.max(1, Math.trunc(options.perBlock ?? 5)));
  const editorial = can(person, 'item.listAll');

  const query = Prisma.sql`
    WITH ranked AS (
      SELECT i."id", i."kind"::text AS "kind", i."state"::text AS "state", i."title", i."updatedAt", i."authorId", i."issueId",
             row_number() OVER (PARTITION BY i."state" ORDER BY i."updatedAt" DESC, i."id" ASC) AS "rank",
             count(*) OVER (PARTITION BY i."state")::int AS "total"
      FROM "Item" i
      WHERE (${visibleItemsSql(person)})
        AND (
          (i."state" = 'DRAFT' AND i."authorId" = ${person.id})
          OR i."state" IN ('IN_REVIEW', 'CHANGES_REQUESTED')
          ${editorial ? Prisma.sql`OR (i."state" = 'APPROVED' AND i."issueId" IS NULL)` : Prisma.empty}
        )
    )
    SELECT r."id", r."kind", r."state", r."title", r."updatedAt", r."total",
           u."id" AS "authorId", u."name" AS "authorName", s."id" AS "issueId", s."number" AS "issueNumber",
           (SELECT count(*) FROM "ReviewComment" c WHERE c."itemId" = r."id" AND c."resolvedAt" IS NULL)::int AS "openComments",
           n."note", n."createdAt" AS "noteAt", nu."id" AS "noteById", nu."name" AS "noteByName"
    FROM ranked r
    JOIN "User" u ON u."id" = r."authorId"
    LEFT JOIN "Issue" s ON s."id" = r."issueId"
    LEFT JOIN LATERAL (
      SELECT e."note", e."createdAt", e."actorId"
      FROM "AuditEvent" e
      WHERE r."state" = 'CHANGES_REQUESTED' AND e."entityType" = 'Item' AND e."entityId" = r."id" AND e."action" = 'item.requestChanges'
      ORDER BY e."id" DESC
      LIMIT 1
    ) n ON TRUE
    LEFT JOIN "User" nu ON nu."id" = n."actorId"
    WHERE r."rank" <= ${perBlock}
    ORDER BY r."state", r."rank"`;

  const [rows, activity] = await Promise.all([
    getDb().$queryRaw<Row[]>(query),
    listRecentEvents(person, { limit: options.activity ?? 10 }),
  ]);

  const blockOf = (state: ItemState): DeskBlock => {
    const mine = rows.filter((r) => r.state === state);
    return {
      total: mine[0]?.total ?? 0,
      items: mine.map((r) => ({
        id: r.id,
        kind: r.kind,
        state: r.state,
        title: r.title,
        updatedAt: r.updatedAt,
        author: { id: r.authorId, name: r.authorName },
        issue: r.issueId !== null && r.issueNumber !== null ? { id: r.issueId, number: r.issueNumber } : null,
        openCommentCount: r.openComments,
      })),
    };
  };
  const notes: Record<string, ChangeRequestNote> = {};
  for (const r of rows) {
    if (r.note && r.noteAt)
      notes[r.id] = {
        note: r.note,
        at: r.noteAt,
        by: r.noteById ? { id: r.noteById, name: r.noteByName ?? '' } : null,
      };
  }

  return {
    scope: editorial ? 'all' : 'own',
    myDrafts: blockOf('DRAFT'),
    inReview: blockOf('IN_REVIEW'),
    changesRequested: { ...blockOf('CHANGES_REQUESTED'), notes },
    approvedUnplaced: editorial ? blockOf('APPROVED') : null,
    activity,
  };
}
