import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { can, type Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { AUDIT_PAGE_SIZE, type AuditFilter } from '@/lib/validation/audit-filter';

/**
 * One audit event as the log viewer shows it: only what the event row holds, plus the name of the
 * account that acted (the person filter needs it). Nothing is joined from the record it is about
 * (a subscriber's or a sender's address never appears: events name them by id). The client address
 * is shown to admins only.
 */
export type AuditEventRow = {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  /** The event's own data, as JSON text ('' when none). */
  data: string;
  /** null when the viewer may not see client addresses. */
  ip: string | null;
};

export type AuditEventPage = {
  rows: AuditEventRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function whereOf(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.actor) where.actorId = filter.actor === 'system' ? null : filter.actor;
  if (filter.action) where.action = filter.action.endsWith('.') ? { startsWith: filter.action } : filter.action;
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.from || filter.to)
    where.createdAt = {
      ...(filter.from ? { gte: filter.from } : {}),
      ...(filter.to ? { lt: new Date(filter.to.getTime() + DAY_MS) } : {}),
    };
  return where;
}

const select = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  fromState: true,
  toState: true,
  note: true,
  data: true,
  ip: true,
  actor: { select: { id: true, name: true } },
} as const;

type Selected = Prisma.AuditEventGetPayload<{ select: typeof select }>;

const toRow = (e: Selected, showIp: boolean): AuditEventRow => ({
  id: e.id.toString(),
  createdAt: e.createdAt,
  actor: e.actor,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  fromState: e.fromState,
  toState: e.toState,
  note: e.note,
  data: e.data === null || e.data === undefined ? '' : JSON.stringify(e.data),
  ip: showIp ? e.ip : null,
});

/** A page of the audit log, newest first, filtered (editors and admins: `audit.read`). */
export async function listAuditEvents(actor: Actor, filter: AuditFilter): Promise<AuditEventPage> {
  const person = enforceCan(actor, 'audit.read');
  const db = getDb();
  const where = whereOf(filter);
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.max(1, filter.page);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select,
  });
  const showIp = can(person, 'audit.readAddresses');
  return { rows: events.map((e) => toRow(e, showIp)), total, page, pageSize: AUDIT_PAGE_SIZE, pageCount };
}

/** The most rows one CSV export holds; the export says so in its last line when there were more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** Every event of the filter (not only one page), newest first, for the CSV export. */
export async function listAuditEventsForExport(
  actor: Actor,
  filter: AuditFilter,
): Promise<{ rows: AuditEventRow[]; truncated: boolean }> {
  const person = enforceCan(actor, 'audit.read');
  const events = await getDb().auditEvent.findMany({
    where: whereOf(filter),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_EXPORT_LIMIT + 1,
    select,
  });
  const showIp = can(person, 'audit.readAddresses');
  return {
    rows: events.slice(0, AUDIT_EXPORT_LIMIT).map((e) => toRow(e, showIp)),
    truncated: events.length > AUDIT_EXPORT_LIMIT,
  };
}

/** The choices of the filter form: people who appear in the log, actions and entity kinds used. */
export async function listAuditFilterOptions(actor: Actor) {
  enforceCan(actor, 'audit.read');
  const db = getDb();
  const [actors, actions, entities] = await Promise.all([
    db.user.findMany({
      where: { auditEvents: { some: {} } },
      select: { id: true, name: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    // DISTINCT in SQL (Prisma's `distinct` would read every row).
    db.$queryRaw<{ action: string }[]>`SELECT DISTINCT "action" FROM "AuditEvent" ORDER BY "action"`,
    db.$queryRaw<{ entityType: string }[]>`SELECT DISTINCT "entityType" FROM "AuditEvent" ORDER BY "entityType"`,
  ]);
  return {
    actors,
    actions: actions.map((a) => a.action),
    entityTypes: entities.map((e) => e.entityType),
  };
}
