import 'server-only';
import type { ItemKind, ItemState } from '@/generated/prisma/enums';
import { visibleItemsWhere, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

export type RecordItemRow = {
  id: string;
  kind: ItemKind;
  state: ItemState;
  title: string;
  author: { id: string; name: string };
  issue: { id: string; number: number } | null;
};

export type ListItemsForRecordOptions = { meetingId: string } | { publicationId: string };

/**
 * The items that report on a meeting or review a publication, as far as the person may see them
 * (editors: all; contributors: their own). One query; newest change first.
 */
export async function listItemsForRecord(actor: Actor, options: ListItemsForRecordOptions): Promise<RecordItemRow[]> {
  const person = requireActor(actor);
  const link = 'meetingId' in options ? { meetingId: options.meetingId } : { publicationId: options.publicationId };
  const rows = await getDb().item.findMany({
    // The policy's filter is its own AND branch: the record filter cannot replace it.
    where: { AND: [visibleItemsWhere(person), link] },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: 100,
    select: {
      id: true,
      kind: true,
      state: true,
      title: true,
      author: { select: { id: true, name: true } },
      section: { select: { issue: { select: { id: true, number: true } } } },
    },
  });
  return rows.map(({ section, ...row }) => ({ ...row, issue: section?.issue ?? null }));
}
