import 'server-only';
import type { IssueState, ItemState } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

export type IssueListRow = {
  id: string;
  number: number;
  coverLabel: string;
  coverDate: Date | null;
  state: IssueState;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  scheduleError: string | null;
  version: number;
  sectionCount: number;
  itemCount: number;
  /** Placed items by workflow state, for "12 items, 9 approved". */
  itemsByState: Partial<Record<ItemState, number>>;
};

/** Every bulletin issue, newest number first, with its counts: two queries whatever the number of issues. */
export async function listIssues(actor: Actor): Promise<IssueListRow[]> {
  enforceCan(actor, 'issue.manage');
  const db = getDb();
  const [issues, counts] = await Promise.all([
    db.issue.findMany({
      orderBy: { number: 'desc' },
      select: {
        id: true,
        number: true,
        coverLabel: true,
        coverDate: true,
        state: true,
        publishedAt: true,
        scheduledAt: true,
        scheduleError: true,
        version: true,
        _count: { select: { sections: true } },
      },
    }),
    db.item.groupBy({ by: ['issueId', 'state'], where: { issueId: { not: null } }, _count: { _all: true } }),
  ]);
  const byIssue = new Map<string, Partial<Record<ItemState, number>>>();
  for (const row of counts) {
    const entry = byIssue.get(row.issueId!) ?? {};
    entry[row.state] = row._count._all;
    byIssue.set(row.issueId!, entry);
  }
  return issues.map(({ _count, ...issue }) => {
    const itemsByState = byIssue.get(issue.id) ?? {};
    return {
      ...issue,
      sectionCount: _count.sections,
      itemCount: Object.values(itemsByState).reduce((a, b) => a + b, 0),
      itemsByState,
    };
  });
}
