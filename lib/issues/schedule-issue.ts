import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { NotAllowedError, ValidationError } from '@/lib/errors';
import { wallTimeToMoment } from '@/lib/format/dates';
import { issueLabel } from '@/lib/format/labels';
import { writeIssue } from './write-issue';

export type ScheduleIssueOptions = { now?: Date };

/** How far ahead a publication may be scheduled. */
export const SCHEDULE_MAX_DAYS = 366;

/**
 * Schedules (or reschedules) the publication of an issue at `at`. runDueSchedules publishes it then,
 * as the system, after the same readiness check as "Publish issue". Rescheduling clears a previous
 * schedule failure. Readiness is not required now: the issue may be finished before the time comes.
 * A schedule is not part of the issue's contents: the version stays.
 */
export async function scheduleIssue(
  actor: Actor,
  issueId: string,
  at: Date,
  options: ScheduleIssueOptions = {},
): Promise<{ scheduledAt: Date }> {
  const person = enforceCan(actor, 'issue.publish');
  const now = options.now ?? new Date();
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw new ValidationError({ at: ['Enter a date and time.'] });
  if (at.getTime() <= now.getTime())
    throw new ValidationError({ at: ['Choose a time in the future (to publish now, use "Publish issue").'] });
  if (at.getTime() > now.getTime() + SCHEDULE_MAX_DAYS * 86_400_000)
    throw new ValidationError({ at: ['Choose a time within the next year.'] });

  return writeIssue(person.id, issueId, async ({ tx, issue, record }) => {
    if (issue.state === 'PUBLISHED') throw new NotAllowedError(`${issueLabel(issue.number)} is already published.`);
    await tx.issue.update({
      where: { id: issueId },
      data: { scheduledAt: at, scheduleError: null, scheduleFailedAt: null },
    });
    await record({
      action: 'issue.schedule',
      data: { number: issue.number, scheduledAt: at.toISOString(), previous: issue.scheduledAt?.toISOString() ?? null },
    });
    return { scheduledAt: at };
  });
}

/**
 * Schedules at a wall-clock time typed in the publication's time zone (`wall`'s UTC fields are that
 * time, as parseUtcDateTime reads a datetime-local input). A time the clocks skip in that zone is
 * refused next to the field.
 */
export async function scheduleIssueAtWallTime(
  actor: Actor,
  issueId: string,
  wall: Date,
  zone: string,
  options: ScheduleIssueOptions = {},
): Promise<{ scheduledAt: Date }> {
  enforceCan(actor, 'issue.publish');
  const at = wallTimeToMoment(wall, zone);
  if (!at)
    throw new ValidationError({
      at: [`That time does not exist in ${zone} (the clocks go forward then): choose another.`],
    });
  return scheduleIssue(actor, issueId, at, options);
}
