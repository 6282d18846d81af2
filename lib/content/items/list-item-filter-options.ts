import 'server-only';
import type { TagKind } from '@/generated/prisma/enums';
import { can, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

export type ItemFilterOptions = {
  /** People who wrote items; editors and admins only (contributors see nobody else's work). */
  authors: { id: string; name: string }[];
  /** Bulletin issues to filter by: every issue for editors, the issues holding their items for contributors. */
  issues: { id: string; number: number; coverLabel: string }[];
  /** The shared vocabulary of country, region and theme tags. */
  tags: { id: string; kind: TagKind; name: string }[];
};

/** The choices of the item list's filters, in three queries. */
export async function listItemFilterOptions(actor: Actor): Promise<ItemFilterOptions> {
  const person = requireActor(actor);
  const editorial = can(person, 'item.listAll');
  const db = getDb();
  const [authors, issues, tags] = await Promise.all([
    editorial
      ? db.user.findMany({
          where: { items: { some: {} } },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          select: { id: true, name: true },
        })
      : [],
    db.issue.findMany({
      where: editorial ? {} : { sections: { some: { items: { some: { authorId: person.id } } } } },
      orderBy: { number: 'desc' },
      select: { id: true, number: true, coverLabel: true },
    }),
    db.tag.findMany({ orderBy: [{ kind: 'asc' }, { name: 'asc' }], select: { id: true, kind: true, name: true } }),
  ]);
  return { authors, issues, tags };
}
