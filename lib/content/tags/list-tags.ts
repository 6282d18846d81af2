import 'server-only';
import type { TagKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

export type TagOption = { kind: TagKind; name: string };

/** The most tags the item form offers to pick from; beyond that, typing a name still finds or adds it. */
export const TAG_OPTIONS_MAX = 2000;

/**
 * Existing tags, for the item form's "pick existing or add" fields: by kind, then name. Tags are not
 * secret (readers see them on published items), but the list is a back-office aid: signed-in people only.
 */
export async function listTags(actor: Actor): Promise<TagOption[]> {
  requireActor(actor);
  return getDb().tag.findMany({
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    take: TAG_OPTIONS_MAX,
    select: { kind: true, name: true },
  });
}

/** The stored slugs of the given tags (by kind and name), so a preview links them as the public page does. */
export async function withTagSlugs<T extends TagOption>(actor: Actor, tags: T[]): Promise<(T & { slug?: string })[]> {
  requireActor(actor);
  if (tags.length === 0) return tags;
  const stored = await getDb().tag.findMany({
    where: { OR: tags.map(({ kind, name }) => ({ kind, name })) },
    select: { kind: true, name: true, slug: true },
  });
  const slugOf = new Map(stored.map((t) => [`${t.kind}:${t.name}`, t.slug]));
  return tags.map((t) => ({ ...t, slug: slugOf.get(`${t.kind}:${t.name}`) }));
}
