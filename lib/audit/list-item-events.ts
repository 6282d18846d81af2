import 'server-only';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError, enforce } from '@/lib/errors';

export type ItemEventView = {
  id: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  actor: { id: string; name: string } | null;
  createdAt: Date;
};

/** An item's workflow trail, oldest first: whoever may read the item may read how it got here. */
export async function listItemEvents(actor: Actor, itemId: string): Promise<ItemEventView[]> {
  const person = requireActor(actor);
  const db = getDb();
  const item = await db.item.findUnique({ where: { id: itemId }, select: { state: true, authorId: true } });
  if (!item) throw new NotFoundError();
  enforce(decideItem(person, 'item.read', item));
  const events = await db.auditEvent.findMany({
    where: { entityType: 'Item', entityId: itemId },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      action: true,
      fromState: true,
      toState: true,
      note: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
  });
  // BigInt ids do not cross to client components: strings do.
  return events.map((e) => ({ ...e, id: e.id.toString() }));
}
