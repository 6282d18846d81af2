import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { ValidationError } from '@/lib/errors';
import { currentSectionOrder, renumberSections, saveSectionOrder, stepInOrder } from './tx';
import { writeSection } from './write-issue';

export type MoveResult = { moved: boolean; order: string[]; version: number };

/** "Move up" / "Move down" for a section: one step, saved at once. At the top (or bottom) nothing changes. */
export async function moveSection(actor: Actor, sectionId: string, direction: 'up' | 'down'): Promise<MoveResult> {
  const person = enforceCan(actor, 'issue.manage');
  if (direction !== 'up' && direction !== 'down') throw new ValidationError({ direction: ['Move up or down.'] });
  return writeSection(person.id, sectionId, async ({ tx, issue, bumpVersion }) => {
    await renumberSections(tx, issue.id);
    const current = await currentSectionOrder(tx, issue.id);
    const order = stepInOrder(current, sectionId, direction);
    if (!order) return { moved: false, order: current, version: issue.version };
    await saveSectionOrder(tx, issue.id, order);
    const version = await bumpVersion((version) => ({
      action: 'issue.moveSection',
      data: { sectionId, direction, from: current.indexOf(sectionId), to: order.indexOf(sectionId), version },
    }));
    return { moved: true, order, version };
  });
}
