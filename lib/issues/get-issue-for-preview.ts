import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { issueViewSelect, type PublishedIssue } from '@/lib/content/published';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { resolvePreviewToken } from './resolve-preview-token';

/**
 * The items a preview shows: of an unpublished issue, every placed item that publishing would take
 * along (drafts too, so editors see what is missing), never an archived one; of a published issue,
 * what readers see (its published items, not one unpublished on its own). The same selection as
 * readers get otherwise.
 */
export const previewItemWhere = {
  state: { not: 'ARCHIVED' },
  OR: [{ state: 'PUBLISHED' }, { section: { issue: { state: { not: 'PUBLISHED' } } } }],
} satisfies Prisma.ItemWhereInput;

async function loadPreviewIssue(issueId: string): Promise<PublishedIssue | null> {
  return getDb().issue.findUnique({ where: { id: issueId }, select: issueViewSelect(previewItemWhere) });
}

/**
 * An issue as readers will see it once published (sections in order, its placed items in order,
 * with their meeting or publication; see previewItemWhere), in the shape of getPublishedIssue, so
 * IssueView renders it.
 * Editors and admins only; anyone else: not found.
 */
export async function getIssueForPreview(actor: Actor, issueId: string): Promise<PublishedIssue> {
  enforceCan(actor, 'issue.preview');
  const issue = await loadPreviewIssue(issueId);
  if (!issue) throw new NotFoundError();
  return issue;
}

/**
 * The preview a share link opens (no account needed), or null when the token is unknown, expired
 * or revoked, or the issue published: answer that with the ordinary 404. The page must mark it as a preview and noindex.
 */
export async function getIssueForPreviewToken(
  token: unknown,
  now: Date = new Date(),
): Promise<{ issue: PublishedIssue; expiresAt: Date } | null> {
  const resolved = await resolvePreviewToken(token, now);
  if (!resolved) return null;
  const issue = await loadPreviewIssue(resolved.issueId);
  return issue ? { issue, expiresAt: resolved.expiresAt } : null;
}
