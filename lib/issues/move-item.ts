import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import type { MoveResult } from './move-section';
import { ISSUE_TX, bumpIssueVersion, lockIssue, renumberSectionItems, saveItemOrder, stepInOrder } from './tx';

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
  const db = getDb();
  const found = await db.item.findUnique({ where: { id: itemId }, select: { issueId: true } });
  if (!found) throw new NotFoundError();
  if (!found.issueId) throw new NotAllowedError('This item is not in an issue.');
  const issueId = found.issueId;

  return db.$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId);
    const item = await tx.item.findUnique({ where: { id: itemId }, select: { issueId: true, sectionId: true } });
    if (!item) throw new NotFoundError();
    if (item.issueId !== issueId || !item.sectionId)
      throw new ConflictError({ itemId, issueId: item.issueId }, 'This item was moved meanwhile: reload the issue.');
    const sectionId = item.sectionId;
    await renumberSectionItems(tx, sectionId);
    const current = (
      await tx.item.findMany({
        where: { sectionId },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true },
      })
    ).map((i) => i.id);
    const order = stepInOrder(current, itemId, direction);
    if (!order) return { moved: false, order: current, version: issue.version, sectionId };
    await saveItemOrder(tx, sectionId, order);
    const version = await bumpIssueVersion(tx, issueId);
    await recordEvent(tx, {
      actorId: person.id,
      action: 'item.move',
      entityType: 'Item',
      entityId: itemId,
      data: {
        issueId,
        sectionId,
        direction,
        from: current.indexOf(itemId),
        to: order.indexOf(itemId),
        issueVersion: version,
      },
    });
    return { moved: true, order, version, sectionId };
  }, ISSUE_TX);
}
