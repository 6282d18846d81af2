import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ConflictError, ValidationError } from '@/lib/errors';
import { issueLabel } from '@/lib/format/labels';
import { previewPath } from './hrefs';
import { hashPreviewToken, newPreviewToken } from './preview-token';
import { ISSUE_TX, issueConflict, lockIssue } from './tx';

export const PREVIEW_LINK_DEFAULT_DAYS = 7;
export const PREVIEW_LINK_MAX_DAYS = 30;

export type CreatePreviewLinkOptions = { days?: number; now?: Date };
export type CreatedPreviewLink = { linkId: string; token: string; path: string; expiresAt: Date };

/**
 * Makes a read-only share link to an issue's preview for someone without an account. The token is
 * returned this once (show it, never store it); the database keeps only its SHA-256, so a leaked
 * database copy opens no previews. Expires after `days` (7 by default); revocable; revoked when the
 * issue is published or withdrawn. A published issue gets none (readers see it already): the issue's
 * row lock, which publishing holds too, keeps a link from being made while it is being published.
 */
export async function createPreviewLink(
  actor: Actor,
  issueId: string,
  options: CreatePreviewLinkOptions = {},
): Promise<CreatedPreviewLink> {
  const person = enforceCan(actor, 'issue.preview');
  const days = options.days ?? PREVIEW_LINK_DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > PREVIEW_LINK_MAX_DAYS) {
    throw new ValidationError({ days: [`Choose between 1 and ${PREVIEW_LINK_MAX_DAYS} days.`] });
  }
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const token = newPreviewToken();

  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId);
    if (issue.state === 'PUBLISHED')
      throw new ConflictError(
        issueConflict(issue),
        `${issueLabel(issue.number)} is published: readers see it as it is, no share link is needed.`,
      );
    const link = await tx.previewLink.create({
      data: { issueId, tokenHash: hashPreviewToken(token), createdById: person.id, createdAt: now, expiresAt },
      select: { id: true },
    });
    await recordEvent(tx, {
      actorId: person.id,
      action: 'previewLink.create',
      entityType: 'Issue',
      entityId: issueId,
      data: { linkId: link.id, number: issue.number, expiresAt: expiresAt.toISOString() },
    });
    return { linkId: link.id, token, path: previewPath(token), expiresAt };
  }, ISSUE_TX);
}
