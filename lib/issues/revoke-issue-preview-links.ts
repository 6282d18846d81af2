import 'server-only';
import { recordEvents } from '@/lib/audit/record-event';
import type { Tx } from './tx';

export type PreviewRevokeReason = 'issue.publish' | 'issue.unpublish';

/**
 * Ends every live share link of a bulletin issue, inside the transaction that publishes or withdraws
 * it (the caller holds the issue's row lock, which createPreviewLink also takes, so no link is made
 * in between). A published issue is public, a withdrawn one is a takedown: a forwarded link must not
 * outlive either. One 'previewLink.revoke' event per link, with the reason.
 */
export async function revokeIssuePreviewLinks(
  tx: Tx,
  issueId: string,
  options: { now: Date; actorId: string | null; reason: PreviewRevokeReason },
): Promise<string[]> {
  const revoked = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "PreviewLink" SET "revokedAt" = ${options.now}
    WHERE "issueId" = ${issueId} AND "revokedAt" IS NULL AND "expiresAt" > ${options.now}
    RETURNING "id"`;
  const linkIds = revoked.map((l) => l.id).sort();
  await recordEvents(
    tx,
    linkIds.map((linkId) => ({
      actorId: options.actorId,
      action: 'previewLink.revoke',
      entityType: 'Issue',
      entityId: issueId,
      data: { linkId, reason: options.reason },
    })),
  );
  return linkIds;
}
