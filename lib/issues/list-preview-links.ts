import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

export type PreviewLinkStatus = 'active' | 'expired' | 'revoked';

export type PreviewLinkRow = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  createdBy: { id: string; name: string };
  status: PreviewLinkStatus;
};

/** An issue's share links, newest first, with their status now (tokens are never shown again). */
export async function listPreviewLinks(
  actor: Actor,
  issueId: string,
  options: { now?: Date } = {},
): Promise<PreviewLinkRow[]> {
  enforceCan(actor, 'issue.preview');
  const now = options.now ?? new Date();
  const links = await getDb().previewLink.findMany({
    where: { issueId },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
  return links.map((l) => ({
    ...l,
    status: l.revokedAt ? 'revoked' : l.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active',
  }));
}
