import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';

/** Revokes a share link at once (the next request with it answers not found). Revoking twice changes nothing. */
export async function revokePreviewLink(
  actor: Actor,
  linkId: string,
  options: { now?: Date } = {},
): Promise<{ revoked: boolean }> {
  const person = enforceCan(actor, 'issue.preview');
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const link = await tx.previewLink.findUnique({
      where: { id: linkId },
      select: { id: true, issueId: true, revokedAt: true },
    });
    if (!link) throw new NotFoundError();
    const updated = await tx.previewLink.updateMany({
      where: { id: linkId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (updated.count === 0) return { revoked: false };
    await recordEvent(tx, {
      actorId: person.id,
      action: 'previewLink.revoke',
      entityType: 'Issue',
      entityId: link.issueId,
      data: { linkId },
    });
    return { revoked: true };
  });
}
