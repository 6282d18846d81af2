import type { Db } from '@/lib/db/create-db';

/**
 * Public pages are cached (docs/caching.md) and expired by the app's own writers. A test that changes
 * published content straight in the database tells the servers the way the writers do: one
 * notification on the channel every instance listens on, then a moment for it to arrive.
 */
export async function expireCachedPages(db: Db): Promise<void> {
  await db.$executeRaw`SELECT pg_notify('quire_cache', '{"tags":["all"]}')`;
  await new Promise((resolve) => setTimeout(resolve, 150));
}
