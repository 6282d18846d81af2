import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
// Every placed item, whatever its state: the same selection as readers get, without the published filter.
import { issueViewSelect, type PublishedIssue } from '@/lib/content/published';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { resolvePreviewToken } from './resolve-preview-token';

async function loadPreviewIssue(issueId: string): Promise<PublishedIssue | null> {
  return getDb().issue.findUnique({ where: { id: issueId }, select: issueViewSelect({}) });
}

/**
 * An issue as readers will see it once published (sections in order, every placed item in order,
 * with its meeting or publication), in the shape of getPublishedIssue, so IssueView renders it.
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
 * or revoked: answer that with the ordinary 404. The page must mark it as a preview and noindex.
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
