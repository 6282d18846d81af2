import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { previewPath } from './hrefs';
import { hashPreviewToken, newPreviewToken } from './preview-token';

export const PREVIEW_LINK_DEFAULT_DAYS = 7;
export const PREVIEW_LINK_MAX_DAYS = 30;

export type CreatePreviewLinkOptions = { days?: number; now?: Date };
export type CreatedPreviewLink = { linkId: string; token: string; path: string; expiresAt: Date };

/**
 * Makes a read-only share link to an issue's preview for someone without an account. The token is
 * returned this once (show it, never store it); the database keeps only its SHA-256, so a leaked
 * database copy opens no previews. Expires after `days` (7 by default); revocable.
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
    const issue = await tx.issue.findUnique({ where: { id: issueId }, select: { id: true, number: true } });
    if (!issue) throw new NotFoundError();
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
  });
}
