import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/client';

export type AuditEventInput = {
  /** Who did it; null for the system (a schedule) or an anonymous request. */
  actorId: string | null;
  /** What happened, as `<entity>.<verb>`: "item.approve", "issue.publish", "user.deactivate". */
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  ip?: string | null;
  data?: Prisma.InputJsonValue;
};

const row = (event: AuditEventInput) => ({
  actorId: event.actorId,
  action: event.action,
  entityType: event.entityType,
  entityId: event.entityId,
  fromState: event.fromState ?? null,
  toState: event.toState ?? null,
  note: event.note ?? null,
  ip: event.ip ?? null,
  data: event.data,
});

/**
 * Appends one row to the audit trail (append-only: the database refuses UPDATE and DELETE).
 * Pass the transaction client of the change being recorded, so the event and the change commit or
 * roll back together.
 */
export async function recordEvent(tx: Prisma.TransactionClient | Db, event: AuditEventInput) {
  return tx.auditEvent.create({ data: row(event) });
}

/** Several rows in one statement (an issue's items when it is published or withdrawn), in the same transaction. */
export async function recordEvents(tx: Prisma.TransactionClient | Db, events: AuditEventInput[]) {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({ data: events.map(row) });
}
