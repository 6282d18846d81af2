import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

/** The number the "new issue" form proposes: one more than the highest issue so far (1 for the first). */
export async function suggestNextIssueNumber(actor: Actor): Promise<number> {
  enforceCan(actor, 'issue.manage');
  const latest = await getDb().issue.findFirst({ orderBy: { number: 'desc' }, select: { number: true } });
  return (latest?.number ?? 0) + 1;
}
