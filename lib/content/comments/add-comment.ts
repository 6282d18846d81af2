import 'server-only';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError, ValidationError, enforce } from '@/lib/errors';
import { commentSchema, normaliseForQuote, type CommentInput } from '@/lib/validation/comment';
import { parseWith } from '@/lib/validation/field-errors';
import { commentSelect, type CommentView } from './comment-view';

/**
 * Adds a review comment (editors, and the item's author). A quote must be a passage of the item's
 * current title, standfirst or text (whitespace may differ, as selections across lines do).
 */
export async function addComment(actor: Actor, itemId: string, input: CommentInput): Promise<CommentView> {
  const person = requireActor(actor);
  const db = getDb();
  const item = await db.item.findUnique({
    where: { id: itemId },
    select: { state: true, authorId: true, title: true, standfirst: true, bodyText: true },
  });
  if (!item) throw new NotFoundError();
  enforce(decideItem(person, 'item.comment', item));
  const parsed = parseWith(commentSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { body, quote } = parsed.data;
  if (quote !== null) {
    const text = normaliseForQuote([item.title, item.standfirst, item.bodyText].join('\n'));
    if (!text.includes(normaliseForQuote(quote))) {
      throw new ValidationError({
        quote: ['The quoted passage is not in the current text (it may have just changed): select it again.'],
      });
    }
  }
  return db.reviewComment.create({ data: { itemId, authorId: person.id, body, quote }, select: commentSelect });
}
