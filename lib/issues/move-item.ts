import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import type { MoveResult } from './move-section';
import { currentItemOrder, renumberSectionItems, saveItemOrder, stepInOrder } from './tx';
import { writeIssue } from './write-issue';

/**
 * "Move up" / "Move down" for an item within its section: one step, saved at once, under the issue's
 * lock so two quick clicks (or two editors) apply one after the other. At the edge nothing changes.
 */
export async function moveItem(
  actor: Actor,
  itemId: string,
  direction: 'up' | 'down',
): Promise<MoveResult & { sectionId: string }> {
  const person = enforceCan(actor, 'issue.manage');
  if (direction !== 'up' && direction !== 'down') throw new ValidationError({ direction: ['Move up or down.'] });
  const found = await getDb().item.findUnique({ where: { id: itemId }, select: { issueId: true } });
  if (!found) throw new NotFoundError();
  if (!found.issueId) throw new NotAllowedError('This item is not in an issue.');
  const issueId = found.issueId;

  return writeIssue(person.id, issueId, async ({ tx, issue, bumpVersion }) => {
    const item = await tx.item.findUnique({ where: { id: itemId }, select: { issueId: true, sectionId: true } });
    if (!item) throw new NotFoundError();
    if (item.issueId !== issueId || !item.sectionId)
      throw new ConflictError({ itemId, issueId: item.issueId }, 'This item was moved meanwhile: reload the issue.');
    const sectionId = item.sectionId;
    await renumberSectionItems(tx, sectionId);
    const current = await currentItemOrder(tx, sectionId);
    const order = stepInOrder(current, itemId, direction);
    if (!order) return { moved: false, order: current, version: issue.version, sectionId };
    await saveItemOrder(tx, sectionId, order);
    const version = await bumpVersion((version) => ({
      action: 'item.move',
      entity: { type: 'Item', id: itemId },
      data: {
        issueId,
        sectionId,
        direction,
        from: current.indexOf(itemId),
        to: order.indexOf(itemId),
        issueVersion: version,
      },
    }));
    return { moved: true, order, version, sectionId };
  });
}
