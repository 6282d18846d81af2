import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { SubscriberStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';

export type SubscriberListEntry = {
  id: string;
  email: string;
  name: string;
  organisation: string;
  status: SubscriberStatus;
  consentSource: string;
  createdAt: Date;
  confirmedAt: Date | null;
};

export type SubscriberList = {
  entries: SubscriberListEntry[];
  /** Matching the search and status filter. */
  total: number;
  /** The whole list by status (not narrowed by the search). */
  counts: Record<SubscriberStatus, number>;
  page: number;
  pageSize: number;
};

export const SUBSCRIBERS_PAGE_SIZE = 50;

/** The subscriber list for admins: search in address, name and organisation; a status filter; pages of 50. */
export async function listSubscribers(
  actor: Actor,
  options: { q?: string; status?: SubscriberStatus | null; page?: number } = {},
): Promise<SubscriberList> {
  enforceCan(actor, 'subscriber.manage');
  const db = getDb();
  const q = options.q?.trim().slice(0, 200) ?? '';
  const where: Prisma.SubscriberWhereInput = {
    ...(options.status ? { status: options.status } : {}),
    ...(q
      ? {
          OR: [
            { email: { contains: q, mode: 'insensitive' } },
            { name: { contains: q, mode: 'insensitive' } },
            { organisation: { contains: q, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const [entries, total, grouped] = await Promise.all([
    db.subscriber.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * SUBSCRIBERS_PAGE_SIZE,
      take: SUBSCRIBERS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        name: true,
        organisation: true,
        status: true,
        consentSource: true,
        createdAt: true,
        confirmedAt: true,
      },
    }),
    db.subscriber.count({ where }),
    db.subscriber.groupBy({ by: ['status'], _count: { _all: true } }),
  ]);
  const counts: Record<SubscriberStatus, number> = { PENDING: 0, CONFIRMED: 0, UNSUBSCRIBED: 0, BOUNCED: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return { entries, total, counts, page, pageSize: SUBSCRIBERS_PAGE_SIZE };
}
