import 'server-only';
import type { SubscriberStatus } from '@/generated/prisma/enums';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { getMailingSettings } from '@/lib/editions/mailing-settings';
import { verifyUnsubscribeToken } from './tokens';

export type UnsubscribeVia = 'one-click' | 'page';

async function subscriberOf(token: string): Promise<string | null> {
  const { unsubscribeKey } = await getMailingSettings(getDb());
  return verifyUnsubscribeToken(unsubscribeKey, token);
}

/** What the unsubscribe page shows for a link: its subscriber's state, or null for a link that is not valid. */
export async function getUnsubscribeState(
  token: string,
): Promise<{ status: SubscriberStatus; canResubscribe: boolean } | null> {
  const id = await subscriberOf(token);
  if (!id) return null;
  const row = await getDb().subscriber.findUnique({ where: { id }, select: { status: true, confirmedAt: true } });
  if (!row) return null;
  return { status: row.status, canResubscribe: row.status === 'UNSUBSCRIBED' && row.confirmedAt !== null };
}

/**
 * Unsubscribes the reader a link stands for, at once: no sign-in, no confirmation code (RFC 8058's
 * one-click POST, or the button on the page). Every delivery not yet sent to them is cancelled in the
 * same transaction. Unsubscribing twice answers "already". An unknown or forged link → 'invalid'.
 */
export async function unsubscribeByToken(
  token: string,
  options: { via: UnsubscribeVia; now?: Date },
): Promise<{ outcome: 'unsubscribed' | 'already' | 'invalid' }> {
  const id = await subscriberOf(token);
  if (!id) return { outcome: 'invalid' };
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: SubscriberStatus }[]>`
      SELECT "status"::text AS "status" FROM "Subscriber" WHERE "id" = ${id} FOR UPDATE`;
    if (!row) return { outcome: 'invalid' as const };
    if (row.status === 'UNSUBSCRIBED') return { outcome: 'already' as const };
    await tx.subscriber.update({
      where: { id },
      data: { status: 'UNSUBSCRIBED', unsubscribedAt: now, confirmTokenHash: null, confirmTokenExpiresAt: null },
    });
    const cancelled = await tx.editionDelivery.updateMany({
      where: { subscriberId: id, status: { in: ['QUEUED', 'SENDING'] } },
      data: { status: 'CANCELLED', leaseExpiresAt: null },
    });
    await recordEvent(tx, {
      actorId: null,
      action: 'subscriber.unsubscribe',
      entityType: 'Subscriber',
      entityId: id,
      fromState: row.status,
      toState: 'UNSUBSCRIBED',
      data: { via: options.via, cancelledDeliveries: cancelled.count },
    });
    return { outcome: 'unsubscribed' as const };
  });
}

/**
 * "Unsubscribed by mistake? Subscribe again", from the same link: back to CONFIRMED at once, but only
 * for a reader who had confirmed before (a pending address that unsubscribed must confirm, through
 * the form). Editions already being sent are not sent to them after the fact; the next one is.
 */
export async function resubscribeByToken(
  token: string,
  options: { now?: Date } = {},
): Promise<{ outcome: 'resubscribed' | 'needs-confirmation' | 'invalid' }> {
  const id = await subscriberOf(token);
  if (!id) return { outcome: 'invalid' };
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: SubscriberStatus; confirmedAt: Date | null }[]>`
      SELECT "status"::text AS "status", "confirmedAt" FROM "Subscriber" WHERE "id" = ${id} FOR UPDATE`;
    if (!row) return { outcome: 'invalid' as const };
    if (row.status === 'CONFIRMED') return { outcome: 'resubscribed' as const };
    if (row.status !== 'UNSUBSCRIBED' || !row.confirmedAt) return { outcome: 'needs-confirmation' as const };
    await tx.subscriber.update({ where: { id }, data: { status: 'CONFIRMED', unsubscribedAt: null } });
    await recordEvent(tx, {
      actorId: null,
      action: 'subscriber.resubscribe',
      entityType: 'Subscriber',
      entityId: id,
      fromState: 'UNSUBSCRIBED',
      toState: 'CONFIRMED',
      data: { at: now.toISOString() },
    });
    return { outcome: 'resubscribed' as const };
  });
}
