import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ItemKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

export type ListPlaceableItemsOptions = { kind?: ItemKind | null; query?: string; take?: number };

/**
 * Items the desk may place into an issue: in no issue yet, neither archived nor published. Any
 * workflow state before that is fine (an unapproved item blocks publishing, not placing).
 */
export async function listPlaceableItems(actor: Actor, options: ListPlaceableItemsOptions = {}) {
  enforceCan(actor, 'issue.manage');
  const query = (options.query ?? '').trim().slice(0, 200);
  const take = Math.min(Math.max(Math.trunc(options.take ?? 50), 1), 200);
  const where: Prisma.ItemWhereInput = {
    issueId: null,
    state: { notIn: ['ARCHIVED', 'PUBLISHED'] },
    ...(options.kind ? { kind: options.kind } : {}),
    ...(query ? { title: { contains: query, mode: 'insensitive' } } : {}),
  };
  return getDb().item.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take,
    select: {
      id: true,
      kind: true,
      title: true,
      slug: true,
      state: true,
      updatedAt: true,
      author: { select: { id: true, name: true } },
    },
  });
}
