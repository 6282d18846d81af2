import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ISSUE_TX, lockIssue } from './tx';

/**
 * Cancels a scheduled publication (and any recorded failure of it). Waits for the issue's lock, so a
 * scheduler already publishing it finishes first; then there is nothing left to cancel.
 */
export async function cancelSchedule(actor: Actor, issueId: string): Promise<{ cancelled: boolean }> {
  const person = enforceCan(actor, 'issue.publish');
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId);
    if (!issue.scheduledAt) return { cancelled: false };
    await tx.issue.update({
      where: { id: issueId },
      data: { scheduledAt: null, scheduleError: null, scheduleFailedAt: null },
    });
    await recordEvent(tx, {
      actorId: person.id,
      action: 'issue.cancelSchedule',
      entityType: 'Issue',
      entityId: issueId,
      data: {
        number: issue.number,
        scheduledAt: issue.scheduledAt.toISOString(),
        hadFailed: issue.scheduleError !== null,
      },
    });
    return { cancelled: true };
  }, ISSUE_TX);
}
