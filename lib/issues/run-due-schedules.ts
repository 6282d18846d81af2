import 'server-only';
import { hostname } from 'node:os';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { IssueNotReadyError } from './errors';
import { publishLockedIssue } from './publish-core';
import type { Blocker } from './readiness';
import { ISSUE_TX, type LockedIssue } from './tx';

export type ScheduleRunResult =
  | { issueId: string; number: number; outcome: 'published'; publishedAt: Date; itemCount: number }
  | { issueId: string; number: number; outcome: 'blocked'; blockers: Blocker[] }
  | { issueId: string; number: number | null; outcome: 'failed'; error: string };

export type RunDueSchedulesOptions = {
  /** The clock (tests inject it). Issues whose scheduledAt <= now are due. */
  now?: Date;
  /** Who ran it, for the audit trail: host and process by default. */
  workerId?: string;
  /** At most this many issues per run (the rest are picked up on the next run). */
  limit?: number;
};

export const defaultWorkerId = () => `${hostname()}:${process.pid}`;

/**
 * Publishes every issue whose scheduled time has come. Safe with any number of workers and app
 * instances running it at once, and exact about "once":
 *
 * - Each due issue is claimed in its own transaction with SELECT … FOR UPDATE SKIP LOCKED: a worker
 *   never waits for or touches an issue another worker (or an editor's change) holds, and the claim
 *   lasts exactly as long as the publishing transaction.
 * - Publishing clears scheduledAt in that same transaction, so once it commits no worker finds the
 *   issue due again. If the process dies mid-way, the transaction rolls back, the claim is released
 *   and the issue is still due: the next run (on any instance) publishes it. Overdue schedules (the app
 *   was down at the time) are simply due, and go out on the next run.
 * - An issue that cannot be published (readiness blockers, or an unexpected error) gets scheduleError
 *   and scheduleFailedAt and an 'issue.scheduleFailed' audit event, and is left alone from then on:
 *   no retry loop. The desk shows the failure; scheduling again (or cancelling) clears it.
 */
export async function runDueSchedules(options: RunDueSchedulesOptions = {}): Promise<ScheduleRunResult[]> {
  const now = options.now ?? new Date();
  const workerId = options.workerId ?? defaultWorkerId();
  const limit = options.limit ?? 25;
  const db = getDb();
  const results: ScheduleRunResult[] = [];
  // Issues whose transaction failed in this run: never claimed twice by one run.
  const tried: string[] = [];

  while (results.length < limit) {
    let claimed: LockedIssue | null = null;
    try {
      const result = await db.$transaction(async (tx): Promise<ScheduleRunResult | null> => {
        const rows = await tx.$queryRaw<LockedIssue[]>`
          SELECT "id", "number", "coverLabel", "state"::text AS "state", "version", "publishedAt", "scheduledAt", "scheduleError"
          FROM "Issue"
          WHERE "scheduledAt" <= ${now} AND "scheduleError" IS NULL AND "state" <> 'PUBLISHED' AND NOT ("id" = ANY(${tried}::text[]))
          ORDER BY "scheduledAt", "id"
          LIMIT 1
          FOR UPDATE SKIP LOCKED`;
        const issue = rows[0];
        if (!issue) return null;
        claimed = issue;
        const scheduledAt = issue.scheduledAt!.toISOString();
        try {
          const published = await publishLockedIssue(tx, issue, {
            now,
            actorId: null,
            data: { via: 'schedule', scheduledAt, workerId },
          });
          return {
            issueId: issue.id,
            number: issue.number,
            outcome: 'published',
            publishedAt: published.publishedAt,
            itemCount: published.itemIds.length,
          };
        } catch (e) {
          // Blockers are found before anything is written, so the transaction is still good for recording them.
          if (!(e instanceof IssueNotReadyError)) throw e;
          const message = `Not published at the scheduled time: ${e.blockers.map((b) => b.message).join(' ')}`;
          await tx.issue.update({
            where: { id: issue.id },
            data: { scheduleError: message.slice(0, 4000), scheduleFailedAt: now },
          });
          await recordEvent(tx, {
            actorId: null,
            action: 'issue.scheduleFailed',
            entityType: 'Issue',
            entityId: issue.id,
            fromState: issue.state,
            toState: issue.state,
            note: message.slice(0, 4000),
            data: {
              number: issue.number,
              scheduledAt,
              workerId,
              blockers: e.blockers.map((b) => ({ kind: b.kind, message: b.message })),
            },
          });
          return { issueId: issue.id, number: issue.number, outcome: 'blocked', blockers: e.blockers };
        }
      }, ISSUE_TX);
      if (!result) break;
      results.push(result);
    } catch (e) {
      const issue = claimed as LockedIssue | null;
      // The claim query itself failed (database unreachable…): nothing was claimed; the next run retries.
      if (!issue) throw e;
      tried.push(issue.id);
      const error = e instanceof Error ? e.message : String(e);
      await recordUnexpectedFailure(issue.id, now, workerId, error).catch(() => {
        // Could not even record it (database gone): the schedule stays due and the next run tries again.
      });
      results.push({ issueId: issue.id, number: issue.number, outcome: 'failed', error });
    }
  }
  return results;
}

/** Marks a schedule that failed unexpectedly, unless someone else holds or changed the issue meanwhile. */
async function recordUnexpectedFailure(issueId: string, now: Date, workerId: string, error: string) {
  await getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; number: number; state: string; scheduledAt: Date | null }[]>`
      SELECT "id", "number", "state"::text AS "state", "scheduledAt" FROM "Issue"
      WHERE "id" = ${issueId} AND "scheduledAt" <= ${now} AND "scheduleError" IS NULL AND "state" <> 'PUBLISHED'
      FOR UPDATE SKIP LOCKED`;
    const issue = rows[0];
    if (!issue) return;
    const message = `Publishing at the scheduled time failed unexpectedly: ${error}`.slice(0, 4000);
    await tx.issue.update({ where: { id: issueId }, data: { scheduleError: message, scheduleFailedAt: now } });
    await recordEvent(tx, {
      actorId: null,
      action: 'issue.scheduleFailed',
      entityType: 'Issue',
      entityId: issueId,
      fromState: issue.state,
      toState: issue.state,
      note: message,
      data: { number: issue.number, scheduledAt: issue.scheduledAt?.toISOString() ?? null, workerId, unexpected: true },
    });
  });
}
