import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { writeIssue } from './write-issue';

/**
 * Cancels a scheduled publication (and any recorded failure of it). Waits for the issue's lock, so a
 * scheduler already publishing it finishes first; then there is nothing left to cancel. A schedule is
 * not part of the issue's contents: the version stays.
 */
export async function cancelSchedule(actor: Actor, issueId: string): Promise<{ cancelled: boolean }> {
  const person = enforceCan(actor, 'issue.publish');
  return writeIssue(person.id, issueId, async ({ tx, issue, record }) => {
    if (!issue.scheduledAt) return { cancelled: false };
    await tx.issue.update({
      where: { id: issueId },
      data: { scheduledAt: null, scheduleError: null, scheduleFailedAt: null },
    });
    await record({
      action: 'issue.cancelSchedule',
      data: {
        number: issue.number,
        scheduledAt: issue.scheduledAt.toISOString(),
        hadFailed: issue.scheduleError !== null,
      },
    });
    return { cancelled: true };
  });
}
