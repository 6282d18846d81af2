import 'server-only';
import { getDb } from '@/lib/db/client';
import { PREVIEW_TOKEN_PATTERN, hashPreviewToken } from './preview-token';

export type ResolvedPreview = { issueId: string; linkId: string; expiresAt: Date };

/**
 * The issue a share-link token opens, or null for an unknown, malformed, expired or revoked token,
 * or one whose issue is published (all alike, so a refusal says nothing about which). Publishing and
 * withdrawing revoke an issue's links; the state check here is the second lock on the same door.
 * The token is the credential: no account needed.
 */
export async function resolvePreviewToken(token: unknown, now: Date = new Date()): Promise<ResolvedPreview | null> {
  if (typeof token !== 'string' || !PREVIEW_TOKEN_PATTERN.test(token)) return null;
  const link = await getDb().previewLink.findUnique({
    where: { tokenHash: hashPreviewToken(token) },
    select: { id: true, issueId: true, expiresAt: true, revokedAt: true, issue: { select: { state: true } } },
  });
  if (!link || link.revokedAt !== null || link.expiresAt.getTime() <= now.getTime()) return null;
  if (link.issue.state === 'PUBLISHED') return null;
  return { issueId: link.issueId, linkId: link.id, expiresAt: link.expiresAt };
}
