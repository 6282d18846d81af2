import 'server-only';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { recordEvent } from '@/lib/audit/record-event';

// Any constant shared by every instance: the advisory lock that makes one retention run at a time.
const RETENTION_LOCK = 4_710_010;
export const DEFAULT_RETENTION_DAYS = 90;
/** Rate-limit windows are an hour; their counters are kept a day. */
const RATE_LIMIT_KEEP_MS = 24 * 60 * 60 * 1000;

export type RetentionResult = { ran: boolean; deleted: number; mails: number; days: number };

/**
 * Deletes declined and spam contributions received more than PublicationSettings.contributionRetentionDays
 * (default 90) days ago, with their replies and the outbox copies of mail to their senders, plus
 * rate-limit counters older than a day and refusal counts older than the retention period. One
 * instance at a time: the run holds a PostgreSQL advisory lock for its transaction and another
 * instance that finds it taken skips the run (the next poll catches up). One audit event per run
 * (counts only).
 */
export async function deleteExpiredContributions(options: { now?: Date; db?: Db } = {}): Promise<RetentionResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK}) AS ok`;
    const settings = await tx.publicationSettings.findUnique({
      where: { id: 1 },
      select: { contributionRetentionDays: true },
    });
    const days = Math.max(1, settings?.contributionRetentionDays ?? DEFAULT_RETENTION_DAYS);
    if (!lock?.ok) return { ran: false, deleted: 0, mails: 0, days };
    const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    const expired = await tx.contribution.findMany({
      where: { status: { in: ['DECLINED', 'SPAM'] }, createdAt: { lt: cutoff } },
      select: { id: true },
    });
    const ids = expired.map((c) => c.id);
    const mails = ids.length
      ? (await tx.outboxMessage.deleteMany({ where: { contributionId: { in: ids } } })).count
      : 0;
    const deleted = ids.length ? (await tx.contribution.deleteMany({ where: { id: { in: ids } } })).count : 0;
    await tx.rateLimitCounter.deleteMany({
      where: { windowStart: { lt: new Date(now.getTime() - RATE_LIMIT_KEEP_MS) } },
    });
    await tx.contributionRefusalCount.deleteMany({ where: { day: { lt: cutoff } } });
    if (deleted > 0)
      await recordEvent(tx, {
        actorId: null,
        action: 'contribution.retentionDelete',
        entityType: 'Contribution',
        entityId: 'retention',
        data: { deleted, mails, days },
      });
    return { ran: true, deleted, mails, days };
  });
}
