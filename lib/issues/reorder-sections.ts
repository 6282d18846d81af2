import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { ConflictError, ValidationError } from '@/lib/errors';
import { currentSectionOrder, sameMembers, saveSectionOrder } from './tx';
import { writeIssue } from './write-issue';

/** ConflictError.current of a refused reorder: the order as it is now. */
export type OrderConflict = { order: string[]; version: number };

/**
 * Saves the order of an issue's sections after a drag and drop: `ids` is every section of the issue,
 * in the new order. A list that does not name exactly the sections there now (someone added or
 * removed one meanwhile) is refused with the current order, never half-applied.
 */
export async function reorderSections(
  actor: Actor,
  issueId: string,
  ids: readonly string[],
): Promise<{ order: string[]; version: number }> {
  const person = enforceCan(actor, 'issue.manage');
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    throw new ValidationError({ ids: ['Give the sections in their new order.'] });
  return writeIssue(person.id, issueId, async ({ tx, issue, bumpVersion }) => {
    const current = await currentSectionOrder(tx, issueId);
    if (!sameMembers(ids, current)) {
      throw new ConflictError<OrderConflict>(
        { order: current, version: issue.version },
        'The sections of this issue changed since you loaded it: here is the order now.',
      );
    }
    // Saved even when unchanged: it also makes the positions dense again.
    await saveSectionOrder(tx, issueId, ids);
    if (current.every((id, i) => ids[i] === id)) return { order: current, version: issue.version };
    const version = await bumpVersion((version) => ({
      action: 'issue.reorderSections',
      data: { before: current, after: [...ids], version },
    }));
    return { order: [...ids], version };
  });
}
