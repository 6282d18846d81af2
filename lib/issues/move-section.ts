import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { lockSectionIssue } from './sections';
import { ISSUE_TX, bumpIssueVersion, renumberSections, saveSectionOrder, stepInOrder } from './tx';

export type MoveResult = { moved: boolean; order: string[]; version: number };

/** "Move up" / "Move down" for a section: one step, saved at once. At the top (or bottom) nothing changes. */
export async function moveSection(actor: Actor, sectionId: string, direction: 'up' | 'down'): Promise<MoveResult> {
  const person = enforceCan(actor, 'issue.manage');
  if (direction !== 'up' && direction !== 'down') throw new ValidationError({ direction: ['Move up or down.'] });
  return getDb().$transaction(async (tx) => {
    const { issue } = await lockSectionIssue(tx, sectionId);
    await renumberSections(tx, issue.id);
    const current = (
      await tx.section.findMany({
        where: { issueId: issue.id },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true },
      })
    ).map((s) => s.id);
    const order = stepInOrder(current, sectionId, direction);
    if (!order) return { moved: false, order: current, version: issue.version };
    await saveSectionOrder(tx, issue.id, order);
    const version = await bumpIssueVersion(tx, issue.id);
    await recordEvent(tx, {
      actorId: person.id,
      action: 'issue.moveSection',
      entityType: 'Issue',
      entityId: issue.id,
      data: { sectionId, direction, from: current.indexOf(sectionId), to: order.indexOf(sectionId), version },
    });
    return { moved: true, order, version };
  }, ISSUE_TX);
}
