import type { Prisma } from '@/generated/prisma/client';

/** Anything that can insert: the app's client or a transaction. */
type Writer = { auditEvent: { create: (args: { data: Prisma.AuditEventUncheckedCreateInput }) => Promise<unknown> } };

export type AuditEntry = {
  /** Who did it; null when nobody was signed in (a failed sign-in, a set-password link). */
  actorId: string | null;
  /** Dotted verb, e.g. `user.deactivate`, `auth.signIn`. */
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  /** The client's address, when known. */
  ip: string | null;
  data?: Prisma.InputJsonValue;
};

/** Appends one row to the audit log (append-only: the database refuses updates and deletes). */
export async function writeAuditEvent(db: Writer, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      note: entry.note ?? null,
      ip: entry.ip,
      data: entry.data,
    },
  });
}
