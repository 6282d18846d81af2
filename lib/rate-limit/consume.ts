import 'server-only';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';

/**
 * A fixed-window rate limit kept in PostgreSQL (table RateLimitCounter), so it holds across any
 * number of app instances: each call adds one to the key's counter for the current window with a
 * single `INSERT … ON CONFLICT DO UPDATE … RETURNING`, which PostgreSQL serialises per row. No
 * read-then-write race: two processes consuming at once get consecutive counts.
 *
 * `consume(key, { limit, windowSeconds })` answers whether this call is within the limit. Keys are
 * namespaced by the caller ("contribute:ip:192.0.2.1"). Calls past the limit still count, so a
 * client hammering the form stays refused until the window ends.
 */
export type RateLimitOptions = { limit: number; windowSeconds: number; now?: Date; db?: Db };
export type RateLimitResult = { allowed: boolean; count: number; resetAt: Date };

export async function consume(key: string, options: RateLimitOptions): Promise<RateLimitResult> {
  const { limit, windowSeconds } = options;
  const db = options.db ?? getDb();
  const nowMs = (options.now ?? new Date()).getTime();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
    VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]!.count);
  return { allowed: count <= limit, count, resetAt: new Date(windowStart.getTime() + windowMs) };
}

/** Deletes counters of windows that ended before `before` (the retention job calls it). */
export async function pruneRateLimits(before: Date, db: Db = getDb()): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: before } } });
  return count;
}
