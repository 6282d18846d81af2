import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { cancelEdition } from '@/lib/editions/cancel-edition';
import { ConflictError } from '@/lib/errors';
import { issueLabel } from '@/lib/format/labels';
import { recordEvents } from '@/lib/audit/record-event';
import { lockIssueContents } from './publish-core';
import { revokeIssuePreviewLinks } from './revoke-issue-preview-links';
import { issueConflict, type IssueConflict } from './tx';
import { writeIssue } from './write-issue';

export type UnpublishIssueOptions = { expectedVersion: number; note?: string | null };

/**
 * "Unpublish issue": in one transaction the issue becomes WITHDRAWN and its published items APPROVED
 * again (publishedAt cleared on both, as the desk's item unpublish does), so the public site answers
 * 404 for all of it on the next request. Audited: one 'issue.unpublish' and one 'item.unpublish' per
 * item. Every live share link of the issue is revoked with it ('previewLink.revoke'). A withdrawn issue can be
 * published again (publishIssue or a schedule).
 */
export async function unpublishIssue(
  actor: Actor,
  issueId: string,
  options: UnpublishIssueOptions,
): Promise<{ version: number; itemIds: string[] }> {
  const person = enforceCan(actor, 'issue.publish');
  const note = typeof options.note === 'string' && options.note.trim() ? options.note.trim().slice(0, 5000) : null;
  return writeIssue(person.id, issueId, async ({ tx, issue, checkVersion, bumpVersion }) => {
    if (issue.state !== 'PUBLISHED')
      throw new ConflictError<IssueConflict>(issueConflict(issue), `${issueLabel(issue.number)} is not published.`);
    checkVersion(
      options.expectedVersion,
      `${issueLabel(issue.number)} changed since you looked at it: check it again.`,
    );
    await lockIssueContents(tx, issueId);
    const items = await tx.item.findMany({
      where: { issueId, state: 'PUBLISHED' },
      select: { id: true, version: true },
      orderBy: { id: 'asc' },
    });
    await tx.item.updateMany({
      where: { issueId, state: 'PUBLISHED' },
      data: { state: 'APPROVED', publishedAt: null, version: { increment: 1 } },
    });
    await tx.issue.update({ where: { id: issueId }, data: { state: 'WITHDRAWN', publishedAt: null } });
    const version = await bumpVersion((version) => ({
      action: 'issue.unpublish',
      fromState: 'PUBLISHED',
      toState: 'WITHDRAWN',
      note,
      data: {
        number: issue.number,
        publishedAt: issue.publishedAt?.toISOString() ?? null,
        itemCount: items.length,
        version,
      },
    }));
    await recordEvents(
      tx,
      items.map((item) => ({
        actorId: person.id,
        action: 'item.unpublish',
        entityType: 'Item',
        entityId: item.id,
        fromState: 'PUBLISHED',
        toState: 'APPROVED',
        data: { issueId, issueNumber: issue.number, version: item.version + 1 },
      })),
    );
    const now = new Date();
    // A withdrawal is often a takedown: no forwarded share link may keep showing the issue.
    await revokeIssuePreviewLinks(tx, issueId, { now, actorId: person.id, reason: 'issue.unpublish' });
    await cancelEdition(tx, issueId, { now, actorId: person.id });
    return { version, itemIds: items.map((i) => i.id) };
  });
}
