import 'server-only';
import { z } from 'zod';
import { cleanString } from '@/lib/validation/common';
import type { Prisma } from '@/generated/prisma/client';
import { ItemKind, ItemState } from '@/generated/prisma/enums';
import { visibleItemsWhere, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/validation/field-errors';
import { DESK_SEARCH_LIMIT, searchDeskItemIds } from '@/lib/content/search/search-desk-items';

/** Filters of the item list (query-string values welcome: empty strings mean "any"). */
export const listItemsFilterSchema = z.object({
  kind: z.enum(ItemKind).optional().catch(undefined),
  state: z
    .union([z.enum(ItemState), z.array(z.enum(ItemState))])
    .optional()
    .catch(undefined),
  authorId: cleanString().trim().min(1).max(64).optional().catch(undefined),
  /** A bulletin issue's id, or "none" for items not placed in any. */
  issueId: cleanString().trim().min(1).max(64).optional().catch(undefined),
  tagId: cleanString().trim().min(1).max(64).optional().catch(undefined),
  /** Words to look for: full text, as on the public search page (lib/content/search). */
  q: cleanString().trim().max(256).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});

export type ListItemsFilter = z.input<typeof listItemsFilterSchema>;

export type ItemListRow = {
  id: string;
  kind: ItemKind;
  state: ItemState;
  title: string;
  slug: string;
  version: number;
  author: { id: string; name: string };
  issue: { id: string; number: number } | null;
  meeting: { id: string; name: string } | null;
  publication: { id: string; title: string } | null;
  openCommentCount: number;
  updatedAt: Date;
};

export type ItemListPage = {
  items: ItemListRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** True when the words matched more than DESK_SEARCH_LIMIT items and only the best-ranked are listed. */
  searchLimited?: boolean;
};

/**
 * Items the person may see (all for editors, their own for contributors), filtered, newest change
 * first, one page at a time, with open comment counts. Two queries, whatever the page size, and a
 * third for the full-text search when there are words to look for.
 */
export async function listItems(actor: Actor, filter: ListItemsFilter = {}): Promise<ItemListPage> {
  const person = requireActor(actor);
  const parsed = parseWith(listItemsFilterSchema, filter);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const f = parsed.data;

  const conditions: Prisma.ItemWhereInput[] = [];
  if (f.kind) conditions.push({ kind: f.kind });
  if (f.state) conditions.push({ state: Array.isArray(f.state) ? { in: f.state } : f.state });
  if (f.authorId) conditions.push({ authorId: f.authorId });
  if (f.issueId) conditions.push({ issueId: f.issueId === 'none' ? null : f.issueId });
  if (f.tagId) conditions.push({ tags: { some: { tagId: f.tagId } } });
  let searchLimited = false;
  if (f.q) {
    const ids = await searchDeskItemIds(person, f.q, DESK_SEARCH_LIMIT + 1);
    searchLimited = ids.length > DESK_SEARCH_LIMIT;
    conditions.push({ id: { in: ids.slice(0, DESK_SEARCH_LIMIT) } });
  }
  // The policy's filter is a separate AND branch, so no user filter can replace it.
  const where: Prisma.ItemWhereInput = { AND: [visibleItemsWhere(person), ...conditions] };

  const db = getDb();
  const [total, rows] = await Promise.all([
    db.item.count({ where }),
    db.item.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: {
        id: true,
        kind: true,
        state: true,
        title: true,
        slug: true,
        version: true,
        updatedAt: true,
        author: { select: { id: true, name: true } },
        section: { select: { issue: { select: { id: true, number: true } } } },
        meeting: { select: { id: true, name: true } },
        publication: { select: { id: true, title: true } },
        _count: { select: { comments: { where: { resolvedAt: null } } } },
      },
    }),
  ]);
  return {
    items: rows.map(({ section, _count, ...row }) => ({
      ...row,
      issue: section?.issue ?? null,
      openCommentCount: _count.comments,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
    ...(searchLimited ? { searchLimited } : {}),
  };
}
