import 'server-only';
import type { DeliveryStatus, EditionState } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { smtpConfigured } from '@/lib/mail/send-mail';

export type EditionProgress = {
  sendEnabled: boolean;
  state: EditionState;
  subject: string | null;
  queuedAt: Date | null;
  finishedAt: Date | null;
  counts: Record<DeliveryStatus, number>;
  confirmedSubscribers: number;
  smtp: boolean;
  /** The latest failures with the SMTP server's answer (addresses shown to admins only). */
  failures: { id: string; recipient: string | null; attempts: number; answer: string; at: Date | null }[];
};

/** The edition panel of an issue's desk page (editors): the choice, the state, counts and failures. */
export async function getEditionProgress(actor: Actor, issueId: string): Promise<EditionProgress> {
  const person = enforceCan(actor, 'edition.manage');
  const db = getDb();
  const edition = await db.edition.findUnique({
    where: { issueId },
    select: { id: true, sendEnabled: true, state: true, subject: true, queuedAt: true, finishedAt: true },
  });
  const counts: Record<DeliveryStatus, number> = { QUEUED: 0, SENDING: 0, SENT: 0, FAILED: 0, CANCELLED: 0 };
  const [grouped, failures, confirmedSubscribers] = await Promise.all([
    edition
      ? db.editionDelivery.groupBy({ by: ['status'], where: { editionId: edition.id }, _count: { _all: true } })
      : [],
    edition
      ? db.editionDelivery.findMany({
          where: { editionId: edition.id, OR: [{ status: 'FAILED' }, { status: 'QUEUED', attempts: { gt: 0 } }] },
          orderBy: [{ lastAttemptAt: 'desc' }, { id: 'desc' }],
          take: 20,
          select: {
            id: true,
            attempts: true,
            lastAnswer: true,
            lastAttemptAt: true,
            status: true,
            subscriber: { select: { email: true } },
          },
        })
      : [],
    db.subscriber.count({ where: { status: 'CONFIRMED' } }),
  ]);
  for (const g of grouped) counts[g.status] = g._count._all;
  const admin = person.role === 'ADMIN';
  return {
    sendEnabled: edition?.sendEnabled ?? true,
    state: edition?.state ?? 'DRAFT',
    subject: edition?.subject || null,
    queuedAt: edition?.queuedAt ?? null,
    finishedAt: edition?.finishedAt ?? null,
    counts,
    confirmedSubscribers,
    smtp: smtpConfigured(),
    failures: failures.map((f) => ({
      id: String(f.id),
      recipient: admin ? f.subscriber.email : null,
      attempts: f.attempts,
      answer: `${f.status === 'FAILED' ? 'Failed' : 'Will retry'}: ${f.lastAnswer ?? 'no answer'}`,
      at: f.lastAttemptAt,
    })),
  };
}
