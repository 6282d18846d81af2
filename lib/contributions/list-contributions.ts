import 'server-only';
import type { ContributionKind, ContributionStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

export const CONTRIBUTION_STATUSES: readonly ContributionStatus[] = [
  'NEW',
  'IN_PROGRESS',
  'ACCEPTED',
  'DECLINED',
  'SPAM',
];
export const statusLabels: Record<ContributionStatus, string> = {
  NEW: 'New',
  IN_PROGRESS: 'In progress',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  SPAM: 'Spam',
};

export type ContributionRow = {
  id: string;
  reference: string;
  name: string;
  organisation: string;
  kind: ContributionKind;
  subject: string;
  status: ContributionStatus;
  createdAt: Date;
  erasedAt: Date | null;
};

/** The inbox, newest first, filtered by status and kind (editors and admins only). */
export async function listContributions(
  actor: Actor,
  filter: { status?: ContributionStatus | null; kind?: ContributionKind | null; take?: number },
): Promise<ContributionRow[]> {
  enforceCan(actor, 'contribution.read');
  return getDb().contribution.findMany({
    where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filter.take ?? 100,
    select: {
      id: true,
      reference: true,
      name: true,
      organisation: true,
      kind: true,
      subject: true,
      status: true,
      createdAt: true,
      erasedAt: true,
    },
  });
}

/** How many contributions there are in each status (the inbox's tabs and the dashboard). */
export async function countContributions(actor: Actor): Promise<Record<ContributionStatus, number>> {
  enforceCan(actor, 'contribution.read');
  const groups = await getDb().contribution.groupBy({ by: ['status'], _count: { _all: true } });
  const out = Object.fromEntries(CONTRIBUTION_STATUSES.map((s) => [s, 0])) as Record<ContributionStatus, number>;
  for (const g of groups) out[g.status] = g._count._all;
  return out;
}
