import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ContributionStatus } from '@/generated/prisma/enums';
import { NotAllowedError, NotFoundError } from '@/lib/errors';

export type LockedContribution = {
  id: string;
  status: ContributionStatus;
  erasedAt: Date | null;
  itemId: string | null;
};

/** Locks a contribution's row until the transaction ends, so two editors' decisions run one after the other. */
export async function lockContribution(tx: Prisma.TransactionClient, id: string): Promise<LockedContribution> {
  const rows = await tx.$queryRaw<LockedContribution[]>`
    SELECT "id", "status", "erasedAt", "itemId" FROM "Contribution" WHERE "id" = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('No such contribution.');
  return rows[0]!;
}

export const OPEN_STATUSES: readonly ContributionStatus[] = ['NEW', 'IN_PROGRESS'];

/** Accept, decline and spam are decisions taken once. */
export function requireUndecided(row: LockedContribution): void {
  if (OPEN_STATUSES.includes(row.status)) return;
  const what = { ACCEPTED: 'accepted', DECLINED: 'declined', SPAM: 'marked as spam' } as Record<string, string>;
  throw new NotAllowedError(`This contribution was already ${what[row.status] ?? 'decided'}.`);
}
