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
