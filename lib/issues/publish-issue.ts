import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { ConflictError } from '@/lib/errors';
import { issueLabel } from '@/lib/format/labels';
import { publishLockedIssue, type PublishOutcome } from './publish-core';
import { issueConflict, type IssueConflict } from './tx';
import { writeIssue } from './write-issue';

export type PublishIssueOptions = {
  /** The issue's version when the editor looked at it (getIssueForDesk / getReadiness). */
  expectedVersion: number;
  note?: string | null;
  /** The clock; tests inject it. */
  now?: Date;
};

/**
 * "Publish issue": in one transaction, the issue and every item placed in it become PUBLISHED with
 * the same publishedAt, or nothing changes.
 *
 * - The issue row is locked FOR UPDATE first, so simultaneous publishes (two editors, an editor and
 *   the scheduler) run one after the other; the second finds the issue published and gets a
 *   ConflictError ("already published"); one publish, one set of audit events.
 * - A version other than expectedVersion (someone changed the issue since the editor looked) → ConflictError.
 * - The readiness check runs again inside the transaction on the locked rows; any blocker →
 *   IssueNotReadyError (a ValidationError carrying the blockers with their fix links).
 */
export async function publishIssue(
  actor: Actor,
  issueId: string,
  options: PublishIssueOptions,
): Promise<PublishOutcome> {
  const person = enforceCan(actor, 'issue.publish');
  const now = options.now ?? new Date();
  return writeIssue(person.id, issueId, async ({ tx, issue, checkVersion }) => {
    if (issue.state === 'PUBLISHED')
      throw new ConflictError<IssueConflict>(issueConflict(issue), `${issueLabel(issue.number)} is already published.`);
    checkVersion(
      options.expectedVersion,
      `${issueLabel(issue.number)} changed since you looked at it: check the issue and its readiness again before publishing.`,
    );
    const note = typeof options.note === 'string' && options.note.trim() ? options.note.trim().slice(0, 5000) : null;
    // Shared with the scheduler, which claims the issue its own way: it sets the version and records the events.
    return publishLockedIssue(tx, issue, { now, actorId: person.id, note, data: { via: 'desk' } });
  });
}
