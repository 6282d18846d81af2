import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { visibleItemsSql } from '@/lib/authz/visible-items-sql';
import { getDb } from '@/lib/db/client';
import { cleanQueryText, tsqueryInput } from '@/lib/search/query';

/** The most matches the back-office list narrows to: the best-ranked ones. */
export const DESK_SEARCH_LIMIT = 1000;

/**
 * The ids of the items the person may see (the policy, as SQL) that match the words, best first:
 * the same index and query syntax as the reader's search, over every state. At most `limit`; an
 * input with nothing searchable in it (only very common words) matches nothing.
 */
export async function searchDeskItemIds(actor: Actor, raw: string, limit = DESK_SEARCH_LIMIT): Promise<string[]> {
  const person = requireActor(actor);
  const { q } = cleanQueryText(raw);
  if (!q) return [];
  const rows = await getDb().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT i."id" FROM "Item" i, websearch_to_tsquery('english_unaccent'::regconfig, ${tsqueryInput(q)}) AS query
    WHERE ${visibleItemsSql(person, 'i')} AND i."search" @@ query
    ORDER BY ts_rank_cd(i."search", query, 1) DESC, i."updatedAt" DESC, i."id"
    LIMIT ${limit}`);
  return rows.map((r) => r.id);
}
