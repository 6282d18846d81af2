import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { SUBSCRIBE_EMAIL_LIMIT } from './subscribe';

/**
 * Removes a subscriber with their data (admins): the row, their deliveries (cascade), the copies of
 * mail to them kept in the outbox, and their rate-limit counters. The audit event names the id only,
 * so the audit trail (append-only) keeps no address.
 */
export async function removeSubscriber(actor: Actor, subscriberId: string, ctx: { ip?: string | null } = {}) {
  const person = enforceCan(actor, 'subscriber.manage');
  return getDb().$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { id: subscriberId }, select: { email: true, status: true } });
    if (!row) throw new NotFoundError('That subscriber is not on the list (any more).');
    const deliveries = await tx.editionDelivery.count({ where: { subscriberId } });
    await tx.subscriber.delete({ where: { id: subscriberId } });
    const mails = await tx.outboxMessage.deleteMany({ where: { to: row.email } });
    const keyHash = createHash('sha256').update(`${SUBSCRIBE_EMAIL_LIMIT.bucket}\u0000${row.email}`).digest('hex');
    await tx.rateLimitWindow.deleteMany({ where: { bucket: SUBSCRIBE_EMAIL_LIMIT.bucket, keyHash } });
    await recordEvent(tx, {
      actorId: person.id,
      action: 'subscriber.remove',
      entityType: 'Subscriber',
      entityId: subscriberId,
      fromState: row.status,
      toState: null,
      ip: ctx.ip ?? null,
      data: { deliveries, outboxMessages: mails.count },
    });
    return { removed: true };
  });
}
