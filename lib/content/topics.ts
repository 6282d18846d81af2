import 'server-only';
import { cache } from 'react';
import type { Prisma } from '@/generated/prisma/client';
import type { TagKind } from '@/generated/prisma/enums';
import { publicItemWhere } from '@/lib/authz/reader';
import { getDb } from '@/lib/db/client';

/**
 * Topics: the tags of published items (lib/authz/reader.ts decides what is published). A tag that no
 * published item carries is no topic: it is not listed and its page does not exist.
 */

export const TOPIC_PAGE_SIZE = 20;

const publicTagWhere = { items: { some: { item: publicItemWhere } } } satisfies Prisma.TagWhereInput;

export type PublicTopic = { id: string; kind: TagKind; name: string; slug: string; itemCount: number };

/** Every topic with its number of published items, by kind then name. One query. */
export async function listPublicTopics(): Promise<PublicTopic[]> {
  const tags = await getDb().tag.findMany({
    where: publicTagWhere,
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      kind: true,
      name: true,
      slug: true,
      _count: { select: { items: { where: { item: publicItemWhere } } } },
    },
  });
  return tags.map(({ _count, ...tag }) => ({ ...tag, itemCount: _count.items }));
}

const topicItemSelect = {
  id: true,
  kind: true,
  title: true,
  slug: true,
  standfirst: true,
  publishedAt: true,
  section: { select: { title: true, issue: { select: { number: true, coverLabel: true } } } },
} satisfies Prisma.ItemSelect;

export type TopicItem = Prisma.ItemGetPayload<{ select: typeof topicItemSelect }>;

/**
 * A topic with one page of its published items, newest first (within a bulletin issue, in the
 * issue's order), or null when no published item carries the tag. A fixed number of queries.
 */
export const getPublicTopic = cache(async (kind: TagKind, slug: string, page = 1) => {
  const db = getDb();
  const tag = await db.tag.findFirst({
    where: { kind, slug, ...publicTagWhere },
    select: { id: true, kind: true, name: true, slug: true },
  });
  if (!tag) return null;
  const where = { ...publicItemWhere, tags: { some: { tagId: tag.id } } } satisfies Prisma.ItemWhereInput;
  const [total, items] = await Promise.all([
    db.item.count({ where }),
    db.item.findMany({
      where,
      orderBy: [
        { publishedAt: { sort: 'desc', nulls: 'last' } },
        { section: { issue: { number: 'desc' } } },
        { section: { position: 'asc' } },
        { position: 'asc' },
        { id: 'asc' },
      ],
      skip: (page - 1) * TOPIC_PAGE_SIZE,
      take: TOPIC_PAGE_SIZE,
      select: topicItemSelect,
    }),
  ]);
  return { tag, total, items, page, pageCount: Math.max(1, Math.ceil(total / TOPIC_PAGE_SIZE)) };
});
