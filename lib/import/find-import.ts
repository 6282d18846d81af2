import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/client';

/** An earlier import of the same text: which issue it made, when, and who did it. */
export type PreviousImport = { issueId: string; number: number; importedAt: string; by: string | null };

/**
 * The last 'issue.import' audit event recording this text's hash. The hash lives in the event's data
 * (no column of its own), so the check needs no change to the issue table; imports are rare and the
 * lookup is filtered by action first.
 */
export async function findImportOf(db: Db | Prisma.TransactionClient, hash: string): Promise<PreviousImport | null> {
  const event = await db.auditEvent.findFirst({
    where: { action: 'issue.import', data: { path: ['textHash'], equals: hash } },
    orderBy: { createdAt: 'desc' },
    select: { entityId: true, createdAt: true, data: true, actor: { select: { name: true } } },
  });
  if (!event) return null;
  const number = Number((event.data as { number?: unknown } | null)?.number ?? 0);
  return { issueId: event.entityId, number, importedAt: event.createdAt.toISOString(), by: event.actor?.name ?? null };
}
