import { createHash } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/client';

/**
 * A small rate limiter kept in PostgreSQL (table RateLimitWindow), so a limit holds across every app
 * instance and survives restarts. Fixed windows: each (bucket, key) counts uses in windows of
 * `windowMs` aligned to the epoch; a window allows `limit` uses. (A fixed window lets a burst of up to
 * twice the limit straddle a window's edge; for forms and send rates that is fine, and it costs one
 * row per key and window instead of one per use.)
 *
 * Keys are stored as SHA-256 of bucket and key, never as the address or e-mail they stand for, so the
 * table holds no personal data. Used by the subscribe form (per client address, per e-mail) and the
 * edition's send rate (one key for the whole site); a contribution form can use it the same way.
 */
export type RateLimit = { bucket: string; key: string; limit: number; windowMs: number };

export type RateLimitAnswer = {
  /** How many of the wanted uses were granted (0 when the window is full). */
  granted: number;
  /** Uses left in this window after this call. */
  remaining: number;
  /** When the current window ends (try again then). */
  resetAt: Date;
};

type Client = Db | Prisma.TransactionClient;

const keyHash = (bucket: string, key: string) => createHash('sha256').update(`${bucket}\u0000${key}`).digest('hex');

function windowOf(now: Date, windowMs: number) {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { windowStart: new Date(start), resetAt: new Date(start + windowMs) };
}

/**
 * Takes up to `want` uses from the current window, atomically: one statement that adds what is left
 * (at most `want`) and answers how much it added, so concurrent callers never together exceed the
 * limit. `want` 1 is the ordinary "may this request go ahead?".
 */
export async function takeRateLimit(
  db: Client,
  limit: RateLimit,
  options: { want?: number; now?: Date } = {},
): Promise<RateLimitAnswer> {
  const want = Math.max(0, Math.floor(options.want ?? 1));
  const now = options.now ?? new Date();
  const { windowStart, resetAt } = windowOf(now, limit.windowMs);
  const hash = keyHash(limit.bucket, limit.key);
  const max = Math.max(0, Math.floor(limit.limit));
  // One statement: the insert or the locked row's update, where every SET expression reads the row
  // as it was before (so "lastGranted" is what this call added).
  const rows = await db.$queryRaw<{ count: number; granted: number }[]>`
    INSERT INTO "RateLimitWindow" ("bucket", "keyHash", "windowStart", "count", "lastGranted", "expiresAt")
    VALUES (${limit.bucket}, ${hash}, ${windowStart}, LEAST(${want}::int, ${max}::int), LEAST(${want}::int, ${max}::int), ${resetAt})
    ON CONFLICT ("bucket", "keyHash", "windowStart") DO UPDATE SET
      "count" = "RateLimitWindow"."count" + LEAST(${want}::int, GREATEST(${max}::int - "RateLimitWindow"."count", 0)),
      "lastGranted" = LEAST(${want}::int, GREATEST(${max}::int - "RateLimitWindow"."count", 0))
    RETURNING "count"::int AS "count", "lastGranted"::int AS "granted"`;
  const row = rows[0]!;
  return { granted: row.granted, remaining: Math.max(0, max - row.count), resetAt };
}

/** Gives back uses taken but not used (a batch that found less work than it reserved). */
export async function returnRateLimit(db: Client, limit: RateLimit, uses: number, options: { now?: Date } = {}) {
  if (uses <= 0) return;
  const { windowStart } = windowOf(options.now ?? new Date(), limit.windowMs);
  await db.$executeRaw`
    UPDATE "RateLimitWindow" SET "count" = GREATEST("count" - ${Math.floor(uses)}::int, 0)
    WHERE "bucket" = ${limit.bucket} AND "keyHash" = ${keyHash(limit.bucket, limit.key)} AND "windowStart" = ${windowStart}`;
}

/** Drops windows that ended more than a day ago (call now and then; cheap when there is nothing to drop). */
export async function pruneRateLimits(db: Client, now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitWindow" WHERE "expiresAt" < ${new Date(now.getTime() - 86_400_000)}`;
}
