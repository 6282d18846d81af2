import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';

const deskItemSelect = {
  id: true,
  kind: true,
  title: true,
  slug: true,
  state: true,
  version: true,
  position: true,
  author: { select: { id: true, name: true } },
  meeting: { select: { id: true, name: true } },
  publication: { select: { id: true, title: true } },
} satisfies Prisma.ItemSelect;

const deskIssueSelect = {
  id: true,
  number: true,
  coverLabel: true,
  coverDate: true,
  state: true,
  publishedAt: true,
  scheduledAt: true,
  scheduleError: true,
  scheduleFailedAt: true,
  version: true,
  updatedAt: true,
  sections: {
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      title: true,
      position: true,
      acceptsKind: true,
      items: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: deskItemSelect },
    },
  },
} satisfies Prisma.IssueSelect;

export type DeskIssue = Prisma.IssueGetPayload<{ select: typeof deskIssueSelect }>;
export type DeskSection = DeskIssue['sections'][number];
export type DeskItem = DeskSection['items'][number];

/**
 * One bulletin issue as the desk shows it: sections in order, each with its items in order (every
 * state, with author and linked meeting or publication). A fixed number of queries. Pass `version`
 * back as expectedVersion when publishing.
 */
export async function getIssueForDesk(actor: Actor, issueId: string): Promise<DeskIssue> {
  enforceCan(actor, 'issue.manage');
  const issue = await getDb().issue.findUnique({ where: { id: issueId }, select: deskIssueSelect });
  if (!issue) throw new NotFoundError();
  return issue;
}
