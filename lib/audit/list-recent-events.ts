import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { ItemKind } from '@/generated/prisma/enums';
import { can, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { visibleItemsSql } from '@/lib/authz/visible-items-sql';
import { getDb } from '@/lib/db/client';

/** What an event is about, as far as the person may know it. */
export type RecentEventSubject =
  | { type: 'item'; id: string; title: string; kind: ItemKind }
  | { type: 'issue'; id: string; number: number }
  /** The row it was about no longer exists (editors only: a contributor's events come through their items). */
  | { type: 'gone'; entityType: string; id: string };

export type RecentEventView = {
  id: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  subject: RecentEventSubject;
};

export type ListRecentEventsOptions = { limit?: number };

type Row = {
  id: bigint;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  createdAt: Date;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  itemTitle: string | null;
  itemKind: ItemKind | null;
  issueNumber: number | null;
};

const columns = Prisma.sql`
  e."id", e."action", e."fromState", e."toState", e."note", e."createdAt", e."entityType", e."entityId",
  u."id" AS "actorId", u."name" AS "actorName",
  i."title" AS "itemTitle", i."kind"::text AS "itemKind", s."number" AS "issueNumber"`;

/**
 * The latest workflow and planning events for the dashboard, newest first, in one query.
 * Editors and admins see every event on items and bulletin issues; anyone else sees only events on
 * the items the policy shows them (a contributor: their own), joined on the item, so there is no
 * "no filter" case.
 * Account and settings events are not part of the desk's activity.
 */
export async function listRecentEvents(
  actor: Actor,
  options: ListRecentEventsOptions = {},
): Promise<RecentEventView[]> {
  const person = requireActor(actor);
  const limit = Math.min(50, Math.max(1, Math.trunc(options.limit ?? 10)));
  // Editors follow the whole desk: every item and every bulletin issue.
  const query =
    can(person, 'item.listAll') && can(person, 'issue.manage')
      ? Prisma.sql`
        SELECT ${columns}
        FROM "AuditEvent" e
        LEFT JOIN "User" u ON u."id" = e."actorId"
        LEFT JOIN "Item" i ON e."entityType" = 'Item' AND i."id" = e."entityId"
        LEFT JOIN "Issue" s ON e."entityType" = 'Issue' AND s."id" = e."entityId"
        WHERE e."entityType" IN ('Item', 'Issue')
        ORDER BY e."id" DESC
        LIMIT ${limit}`
      : Prisma.sql`
        SELECT ${columns}
        FROM "AuditEvent" e
        JOIN "Item" i ON e."entityType" = 'Item' AND i."id" = e."entityId" AND ${visibleItemsSql(person)}
        LEFT JOIN "User" u ON u."id" = e."actorId"
        LEFT JOIN "Issue" s ON FALSE
        ORDER BY e."id" DESC
        LIMIT ${limit}`;
  const rows = await getDb().$queryRaw<Row[]>(query);
  return rows.map((r) => ({
    // BigInt ids do not cross to client components: strings do.
    id: r.id.toString(),
    action: r.action,
    fromState: r.fromState,
    toState: r.toState,
    note: r.note,
    createdAt: r.createdAt,
    actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
    subject:
      r.entityType === 'Item' && r.itemTitle !== null && r.itemKind !== null
        ? { type: 'item', id: r.entityId, title: r.itemTitle, kind: r.itemKind }
        : r.entityType === 'Issue' && r.issueNumber !== null
          ? { type: 'issue', id: r.entityId, number: r.issueNumber }
          : { type: 'gone', entityType: r.entityType, id: r.entityId },
  }));
}
