import 'server-only';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError, enforce } from '@/lib/errors';
import { commentSelect, type CommentView } from './comment-view';

/** An item's review comments: open ones first (oldest first), then resolved ones (latest resolved first). */
export async function listComments(actor: Actor, itemId: string): Promise<CommentView[]> {
  const person = requireActor(actor);
  const db = getDb();
  const item = await db.item.findUnique({ where: { id: itemId }, select: { state: true, authorId: true } });
  if (!item) throw new NotFoundError();
  enforce(decideItem(person, 'item.read', item));
  return db.reviewComment.findMany({
    where: { itemId },
    orderBy: [{ resolvedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'asc' }, { id: 'asc' }],
    select: commentSelect,
  });
}
