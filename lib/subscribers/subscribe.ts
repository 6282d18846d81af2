import 'server-only';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { sendMail, type Mail } from '@/lib/mail/send-mail';
import { takeRateLimit } from '@/lib/rate-limit/rate-limit';
import { CONSENT_TEXT, type SubscribeInput } from '@/lib/validation/subscriber';
import { alreadySubscribedMail, confirmationMail } from './mails';
import { CONFIRM_TOKEN_LIFETIME_MS, hashConfirmToken, newConfirmToken } from './tokens';

/** Per client address: an office shares one, so more than a person needs, far fewer than a script. */
export const SUBSCRIBE_ADDRESS_LIMIT = { bucket: 'subscribe.address', limit: 20, windowMs: 60 * 60 * 1000 };
/** Per e-mail address: nobody needs more confirmation mails than this in an hour. */
export const SUBSCRIBE_EMAIL_LIMIT = { bucket: 'subscribe.email', limit: 3, windowMs: 60 * 60 * 1000 };

export type SubscribeOutcome = 'accepted' | 'throttled';

/**
 * The public subscribe form (double opt-in). Whatever the address's state, the answer is the same
 * ("check your inbox") and exactly one mail goes to the address, so neither the answer nor its timing
 * tells the person at the form whether the address is on the list:
 *
 * - new, pending, unsubscribed or bounced → PENDING with a new confirmation link (the old one stops
 *   working), valid 7 days; nothing is sent until it is followed;
 * - confirmed → unchanged, and its owner gets a note that it is subscribed already.
 *
 * Rate-limited in PostgreSQL per client address (too many: "try later", which says nothing about any
 * address) and per e-mail address (too many: the same neutral answer, and no mail).
 */
export async function subscribe(
  input: SubscribeInput,
  ctx: { ip: string | null; now?: Date },
): Promise<{ outcome: SubscribeOutcome }> {
  const db = getDb();
  const now = ctx.now ?? new Date();
  input = { ...input, email: input.email.trim().toLowerCase() };
  if (ctx.ip) {
    const byAddress = await takeRateLimit(db, { ...SUBSCRIBE_ADDRESS_LIMIT, key: ctx.ip }, { now });
    if (byAddress.granted === 0) return { outcome: 'throttled' };
  }
  const byEmail = await takeRateLimit(db, { ...SUBSCRIBE_EMAIL_LIMIT, key: input.email }, { now });
  if (byEmail.granted === 0) return { outcome: 'accepted' };

  const mail: Mail = await db.$transaction(async (tx) => {
    // Serialise two requests for one address (the insert below is the only other way in).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`subscriber:${input.email}`}))`;
    const existing = await tx.subscriber.findUnique({
      where: { email: input.email },
      select: { id: true, email: true, status: true },
    });
    if (existing?.status === 'CONFIRMED') return alreadySubscribedMail(tx, existing);

    const token = newConfirmToken();
    const expiresAt = new Date(now.getTime() + CONFIRM_TOKEN_LIFETIME_MS);
    const fields = {
      name: input.name,
      organisation: input.organisation,
      status: 'PENDING' as const,
      consentText: CONSENT_TEXT,
      consentSource: 'form',
      consentNote: null,
      confirmTokenHash: hashConfirmToken(token),
      confirmTokenExpiresAt: expiresAt,
      confirmationSentAt: now,
    };
    const subscriber = existing
      ? await tx.subscriber.update({ where: { id: existing.id }, data: fields, select: { id: true, email: true } })
      : await tx.subscriber.create({ data: { email: input.email, ...fields }, select: { id: true, email: true } });
    await recordEvent(tx, {
      actorId: null,
      action: 'subscriber.subscribe',
      entityType: 'Subscriber',
      entityId: subscriber.id,
      fromState: existing?.status ?? null,
      toState: 'PENDING',
      data: { source: 'form' },
    });
    return confirmationMail(tx, subscriber, token, expiresAt);
  });
  await sendMail(db, mail);
  return { outcome: 'accepted' };
}
