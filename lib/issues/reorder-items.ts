import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { OrderConflict } from './reorder-sections';
import { currentItemOrder, sameMembers, saveItemOrder } from './tx';
import { writeSection } from './write-issue';

/**
 * Saves the order of a section's items after a drag and drop: `ids` is every item of the section in
 * the new order (positions become 0..n-1). A list that does not name exactly the items there now is
 * refused with the current order (ConflictError<OrderConflict>), never half-applied.
 */
export async function reorderItems(
  actor: Actor,
  sectionId: string,
  ids: readonly string[],
): Promise<{ order: string[]; version: number }> {
  const person = enforceCan(actor, 'issue.manage');
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    throw new ValidationError({ ids: ['Give the items in their new order.'] });
  return writeSection(person.id, sectionId, async ({ tx, issue, bumpVersion }) => {
    const current = await currentItemOrder(tx, sectionId);
    if (!sameMembers(ids, current)) {
      throw new ConflictError<OrderConflict>(
        { order: current, version: issue.version },
        'The items of this section changed since you loaded it: here is the order now.',
      );
    }
    // Saved even when unchanged: it also makes the positions dense again.
    await saveItemOrder(tx, sectionId, ids);
    if (current.every((id, i) => ids[i] === id)) return { order: current, version: issue.version };
    const version = await bumpVersion((version) => ({
      action: 'issue.reorderItems',
      data: { sectionId, before: current, after: [...ids], version },
    }));
    return { order: [...ids], version };
  });
}
