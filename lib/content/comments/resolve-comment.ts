import 'server-only';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError, enforce } from '@/lib/errors';
import { commentSelect, type CommentView } from './comment-view';

async function setResolved(actor: Actor, commentId: string, resolved: boolean): Promise<CommentView> {
  const person = requireActor(actor);
  const db = getDb();
  const comment = await db.reviewComment.findUnique({
    where: { id: commentId },
    select: { id: true, item: { select: { state: true, authorId: true } } },
  });
  if (!comment) throw new NotFoundError();
  enforce(decideItem(person, 'item.resolveComment', comment.item));
  // Conditional update: resolving twice (two tabs, two people) keeps the first resolver and time.
  await db.reviewComment.updateMany({
    where: { id: commentId, resolvedAt: resolved ? null : { not: null } },
    data: resolved ? { resolvedAt: new Date(), resolvedById: person.id } : { resolvedAt: null, resolvedById: null },
  });
  return db.reviewComment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect });
}

/** Marks a comment resolved (editors, and the item's author). Resolving a resolved comment changes nothing. */
export async function resolveComment(actor: Actor, commentId: string): Promise<CommentView> {
  return setResolved(actor, commentId, true);
}

/** Opens a resolved comment again. */
export async function reopenComment(actor: Actor, commentId: string): Promise<CommentView> {
  return setResolved(actor, commentId, false);
}
