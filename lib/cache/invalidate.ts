import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { ALL_TAG, CACHE_CHANNEL, issueTag, LISTING_TAG } from './tags';
import { expireTags } from './next-cache-handler.mjs';

/**
 * The one place where a change to published content expires cached public pages. Each writer calls
 * the function for its kind of change inside its own transaction:
 *
 * - `pg_notify` is transactional: every instance (this one included) hears it once the transaction
 *   commits, and never if it rolls back (lib/cache/listener.ts applies it).
 * - This instance also expires the tags at once, so that a render running now is not stored (the
 *   handler's epoch check), and again when the notification arrives after the commit, which removes
 *   anything rendered from the rows as they were before it.
 *
 * tests/integration/cache-invalidation.test.ts checks that every writer of published content calls one
 * of these (a new writer that forgets fails it).
 */
type Tx = Prisma.TransactionClient;

/** Tags this process has announced, for waitForOwnInvalidations (see lib/cache/listener.ts). */
let announced = 0;
export const announcedCount = () => announced;

async function announce(tx: Tx, tags: string[]): Promise<void> {
  const unique = [...new Set(tags)];
  await tx.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ tags: unique })})`;
  expireTags(unique);
  announced += 1;
}

/** A bulletin issue became visible or stopped being visible (publish, scheduled publish, unpublish, withdraw, import as published). */
export function issueVisibilityChanged(tx: Tx, issueNumber: number): Promise<void> {
  return announce(tx, [issueTag(issueNumber), LISTING_TAG]);
}

/** A published item changed (a correction): its issue's pages, and the listings that show its title or tags. */
export function publishedItemChanged(tx: Tx, issueNumber: number): Promise<void> {
  return announce(tx, [issueTag(issueNumber), LISTING_TAG]);
}

/** A meeting or publication changed: the calendar and catalogue, and the issues whose items show it. */
export async function recordChanged(tx: Tx, record: { meetingId?: string; publicationId?: string }): Promise<void> {
  const where = record.meetingId ? { meetingId: record.meetingId } : { publicationId: record.publicationId ?? '' };
  const issues = await tx.issue.findMany({
    where: { sections: { some: { items: { some: where } } } },
    select: { number: true },
  });
  return announce(tx, [LISTING_TAG, ...issues.map((i) => issueTag(i.number))]);
}

/** Publication settings changed: the masthead and footer of every page. */
export function settingsChanged(tx: Tx): Promise<void> {
  return announce(tx, [ALL_TAG]);
}
