import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import type { IssueState } from '@/generated/prisma/enums';
import { computeReadiness, type Blocker, type Warning } from './readiness';

export type IssueReadiness = {
  issueId: string;
  state: IssueState;
  version: number;
  ready: boolean;
  blockers: Blocker[];
  /** Worth knowing, never blocking (empty sections left out, number order, a reused cover label). */
  warnings: Warning[];
};

/** The readiness panel: what blocks publishing this issue (editors and admins). Two queries. */
export async function getReadiness(actor: Actor, issueId: string): Promise<IssueReadiness> {
  enforceCan(actor, 'issue.manage');
  const readiness = await computeReadiness(getDb(), issueId);
  if (!readiness) throw new NotFoundError();
  return {
    issueId: readiness.issueId,
    state: readiness.state,
    version: readiness.version,
    ready: readiness.ready,
    blockers: readiness.blockers,
    warnings: readiness.warnings,
  };
}
