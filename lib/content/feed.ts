import 'server-only';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/generated/prisma/client';
import type { TagKind } from '@/generated/prisma/enums';
import { publicIssueWhere, publicItemWhere } from '@/lib/authz/reader';

/**
 * Reads for syndication and crawlers (/feed.xml, /sitemap.xml): published content only, through the
 * filters of lib/authz/reader.ts. Each function costs a fixed number of queries, whatever the number of items.
 */

/** How many entries the Atom feed carries: the newest, about three bulletin issues' worth. */
export const FEED_ENTRY_LIMIT = 50;

const feedItemSelect = {
  id: true,
  kind: true,
  title: true,
  slug: true,
  standfirst: true,
  body: true,
  publishedAt: true,
  correctedAt: true,
  createdAt: true,
  author: { select: { name: true } },
  section: { select: { title: true, issue: { select: { number: true, coverLabel: true } } } },
  tags: { select: { tag: { select: { kind: true, name: true, slug: true } } }, orderBy: { tag: { name: 'asc' } } },
} satisfies Prisma.ItemSelect;

export type FeedItem = Prisma.ItemGetPayload<{ select: typeof feedItemSelect }>;

// Newest first; within one publication date (a bulletin issue publishes all its items at once), the
// later bulletin issue first, then the order of the issue's contents.
const newestFirst = [
  { publishedAt: { sort: 'desc', nulls: 'last' } },
  { section: { issue: { number: 'desc' } } },
  { section: { position: 'asc' } },
  { position: 'asc' },
  { id: 'asc' },
] satisfies Prisma.ItemOrderByWithRelationInput[];

/** The newest published items of published bulletin issues, for the Atom feed (or a topic's: `tag`). */
export async function listFeedItems({
  limit = FEED_ENTRY_LIMIT,
  tag,
}: { limit?: number; tag?: { kind: TagKind; slug: string } } = {}): Promise<FeedItem[]> {
  return getDb().item.findMany({
    where: tag ? { ...publicItemWhere, tags: { some: { tag: { kind: tag.kind, slug: tag.slug } } } } : publicItemWhere,
    orderBy: newestFirst,
    take: limit,
    select: feedItemSelect,
  });
}

export interface SitemapEntries {
  issues: { number: number; lastModified: Date | null }[];
  items: { issueNumber: number; slug: string; lastModified: Date | null }[];
  /** The most recent publication or correction of anything public, or null when nothing is. */
  lastModified: Date | null;
}

/**
 * Every published bulletin issue and published item, with when each last changed: an item's
 * correction or publication, and for a bulletin issue the latest of its own publication and its
 * items' changes (the issue page shows them all). Two queries.
 */
export async function listSitemapEntries(): Promise<SitemapEntries> {
  const [issues, items] = await Promise.all([
    getDb().issue.findMany({
      where: publicIssueWhere,
      orderBy: { number: 'desc' },
      select: { number: true, publishedAt: true },
    }),
    getDb().item.findMany({
      where: publicItemWhere,
      orderBy: newestFirst,
      select: {
        slug: true,
        publishedAt: true,
        correctedAt: true,
        section: { select: { issue: { select: { number: true } } } },
      },
    }),
  ]);

  const issueChanged = new Map<number, Date | null>(issues.map((i) => [i.number, i.publishedAt]));
  const itemEntries: SitemapEntries['items'] = [];
  for (const item of items) {
    const issueNumber = item.section?.issue.number;
    if (issueNumber === undefined) continue; // publicItemWhere requires a section; keeps the type honest
    const lastModified = latest(item.correctedAt, item.publishedAt);
    itemEntries.push({ issueNumber, slug: item.slug, lastModified });
    issueChanged.set(issueNumber, latest(issueChanged.get(issueNumber) ?? null, lastModified));
  }
  const issueEntries = issues.map((i) => ({ number: i.number, lastModified: issueChanged.get(i.number) ?? null }));
  return {
    issues: issueEntries,
    items: itemEntries,
    lastModified: issueEntries.reduce<Date | null>((acc, i) => latest(acc, i.lastModified), null),
  };
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
