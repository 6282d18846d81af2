import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import type { PublishedIssue } from '@/lib/content/published';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { resolvePreviewToken } from './resolve-preview-token';

// The same selection as getPublishedIssue in lib/content/published.ts, without its "published only"
// filters: the preview shows every placed item, whatever its state. The return types below make the
// compiler check that the shape stays the one IssueView renders.
const previewItemSelect = {
  id: true,
  kind: true,
  title: true,
  slug: true,
  standfirst: true,
  publishedAt: true,
  body: true,
  meeting: { select: { id: true, name: true, startDate: true, endDate: true, datePrecision: true, city: true, country: true } },
  publication: {
    select: { id: true, title: true, authors: true, issuingBody: true, date: true, datePrecision: true, kind: true, availability: true, url: true, isbn: true },
  },
} satisfies Prisma.ItemSelect;

const previewIssueSelect = {
  id: true,
  number: true,
  coverLabel: true,
  coverDate: true,
  publishedAt: true,
  sections: {
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, items: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: previewItemSelect } },
  },
} satisfies Prisma.IssueSelect;

async function loadPreviewIssue(issueId: string): Promise<PublishedIssue | null> {
  return getDb().issue.findUnique({ where: { id: issueId }, select: previewIssueSelect });
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
export async function getIssueForPreviewToken(token: unknown, now: Date = new Date()): Promise<{ issue: PublishedIssue; expiresAt: Date } | null> {
  const resolved = await resolvePreviewToken(token, now);
  if (!resolved) return null;
  const issue = await loadPreviewIssue(resolved.issueId);
  return issue ? { issue, expiresAt: resolved.expiresAt } : null;
}
