import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { recordEvent, recordEvents } from '@/lib/audit/record-event';
import { queueEdition } from '@/lib/editions/queue-edition';
import { IssueNotReadyError } from './errors';
import { computeReadiness } from './readiness';
import { revokeIssuePreviewLinks } from './revoke-issue-preview-links';
import type { LockedIssue, Tx } from './tx';
import { issueVisibilityChanged } from '@/lib/cache/invalidate';

export type PublishOutcome = { issueId: string; number: number; publishedAt: Date; version: number; itemIds: string[] };

/** Locks every item placed in the issue (in id order, as everyone does) and the meetings and publications they link to. */
export async function lockIssueContents(tx: Tx, issueId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Item" WHERE "issueId" = ${issueId} ORDER BY "id" FOR UPDATE`;
  // Readiness reads these too: hold them still until the commit (an edit waits, then applies).
  await tx.$queryRaw`SELECT "id" FROM "Meeting" WHERE "id" IN (SELECT "meetingId" FROM "Item" WHERE "issueId" = ${issueId}) ORDER BY "id" FOR SHARE`;
  await tx.$queryRaw`SELECT "id" FROM "Publication" WHERE "id" IN (SELECT "publicationId" FROM "Item" WHERE "issueId" = ${issueId}) ORDER BY "id" FOR SHARE`;
}

/**
 * Publishes an issue whose row the caller has locked (FOR UPDATE) in this transaction: locks its items,
 * runs the readiness check again on what is now locked, then moves the issue and every placed item to
 * PUBLISHED with one timestamp, and writes one 'issue.publish' event plus one 'item.publish' per item.
 * Every live share link of the issue is revoked in the same transaction (scheduled publishing included).
 * Blockers → IssueNotReadyError before anything is written. Any failure rolls the whole transaction back.
 */
export async function publishLockedIssue(
  tx: Tx,
  issue: LockedIssue,
  options: { now: Date; actorId: string | null; note?: string | null; data?: Record<string, Prisma.InputJsonValue> },
): Promise<PublishOutcome> {
  await lockIssueContents(tx, issue.id);
  const readiness = await computeReadiness(tx, issue.id);
  if (!readiness) throw new Error(`Issue ${issue.id} vanished while locked.`);
  if (readiness.blockers.length > 0) throw new IssueNotReadyError(readiness.blockers);

  const publishedAt = options.now;
  const updatedIssue = await tx.issue.updateMany({
    where: { id: issue.id, version: issue.version, state: issue.state },
    data: {
      state: 'PUBLISHED',
      publishedAt,
      scheduledAt: null,
      scheduleError: null,
      scheduleFailedAt: null,
      version: { increment: 1 },
    },
  });
  if (updatedIssue.count !== 1) throw new Error(`Issue ${issue.id} changed while locked.`);

  const itemIds = readiness.items.map((i) => i.id);
  const updatedItems = await tx.item.updateMany({
    where: { id: { in: itemIds }, issueId: issue.id, state: 'APPROVED' },
    data: { state: 'PUBLISHED', publishedAt, version: { increment: 1 } },
  });
  // Readiness said every item is approved and the rows are locked; anything else is a bug, and rolls back.
  if (updatedItems.count !== itemIds.length)
    throw new Error(`Publishing ${issue.id}: ${updatedItems.count} of ${itemIds.length} items changed.`);

  const version = issue.version + 1;
  await recordEvent(tx, {
    actorId: options.actorId,
    action: 'issue.publish',
    entityType: 'Issue',
    entityId: issue.id,
    fromState: issue.state,
    toState: 'PUBLISHED',
    note: options.note ?? null,
    data: {
      number: issue.number,
      publishedAt: publishedAt.toISOString(),
      itemCount: itemIds.length,
      version,
      ...(options.data ?? {}),
    },
  });
  await recordEvents(
    tx,
    readiness.items.map((item) => ({
      actorId: options.actorId,
      action: 'item.publish',
      entityType: 'Item',
      entityId: item.id,
      fromState: 'APPROVED',
      toState: 'PUBLISHED',
      data: {
        issueId: issue.id,
        issueNumber: issue.number,
        publishedAt: publishedAt.toISOString(),
        version: item.version + 1,
      },
    })),
  );
  // The issue is public now: a share link would only outlive what it previewed.
  await revokeIssuePreviewLinks(tx, issue.id, { now: publishedAt, actorId: options.actorId, reason: 'issue.publish' });
  await queueEdition(tx, issue.id, { now: publishedAt, actorId: options.actorId });
  await issueVisibilityChanged(tx, issue.number);
  return { issueId: issue.id, number: issue.number, publishedAt, version, itemIds };
}
