import 'server-only';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { sendMail } from '@/lib/mail/send-mail';
import { welcomeMail } from './mails';
import { CONFIRM_TOKEN_PATTERN, hashConfirmToken } from './tokens';

/** Whether a confirmation link can still be used (the page shows its button only then). */
export async function isConfirmationOpen(token: string, now = new Date()): Promise<boolean> {
  if (!CONFIRM_TOKEN_PATTERN.test(token)) return false;
  const row = await getDb().subscriber.findFirst({
    where: { confirmTokenHash: hashConfirmToken(token), status: 'PENDING', confirmTokenExpiresAt: { gt: now } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Follows a confirmation link: PENDING → CONFIRMED, once. The link is claimed with a conditional
 * update (right hash, still pending, not expired) that also clears it, so two clicks confirm once and
 * the second is told the link is used. A welcome mail follows (with the unsubscribe link).
 */
export async function confirmSubscription(
  token: string,
  options: { now?: Date } = {},
): Promise<{ outcome: 'confirmed' | 'invalid' }> {
  if (!CONFIRM_TOKEN_PATTERN.test(token)) return { outcome: 'invalid' };
  const now = options.now ?? new Date();
  const db = getDb();
  const confirmed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; email: string }[]>`
      UPDATE "Subscriber"
      SET "status" = 'CONFIRMED', "confirmedAt" = ${now}, "confirmTokenHash" = NULL, "confirmTokenExpiresAt" = NULL,
          "unsubscribedAt" = NULL, "bouncedAt" = NULL, "updatedAt" = ${now}
      WHERE "confirmTokenHash" = ${hashConfirmToken(token)} AND "status" = 'PENDING' AND "confirmTokenExpiresAt" > ${now}
      RETURNING "id", "email"`;
    const row = rows[0];
    if (!row) return null;
    await recordEvent(tx, {
      actorId: null,
      action: 'subscriber.confirm',
      entityType: 'Subscriber',
      entityId: row.id,
      fromState: 'PENDING',
      toState: 'CONFIRMED',
    });
    return row;
  });
  if (!confirmed) return { outcome: 'invalid' };
  await sendMail(db, await welcomeMail(db, confirmed));
  return { outcome: 'confirmed' };
}
