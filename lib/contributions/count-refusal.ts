import 'server-only';
import type { Db } from '@/lib/db/client';

export type RefusalReason = 'honeypot' | 'too-fast' | 'bad-form' | 'throttled';

/** Adds one to today's count for a reason. Nothing of the refused submission itself is kept. */
export async function countRefusal(db: Db, reason: RefusalReason, now: Date): Promise<void> {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  await db.$executeRaw`
    INSERT INTO "ContributionRefusalCount" ("day", "reason", "count") VALUES (${day}::date, ${reason}, 1)
    ON CONFLICT ("day", "reason") DO UPDATE SET "count" = "ContributionRefusalCount"."count" + 1`;
}
