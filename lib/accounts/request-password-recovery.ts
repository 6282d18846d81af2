import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { recordEvent } from '@/lib/audit/record-event';
import { sendMail } from '@/lib/mail/send-mail';
import { consume } from '@/lib/rate-limit/consume';
import { ValidationError } from '@/lib/errors';
import { normaliseEmail } from '@/lib/auth/sign-in';
import { now } from '@/lib/clock';
import { createAccountToken, RECOVERY_LIFETIME_MS } from './account-tokens';
import { passwordRecoveryMail } from './mails';

/** Per client address: enough for an office behind one NAT, too few to probe many addresses. */
export const RECOVERY_PER_CLIENT = { limit: 10, windowSeconds: 60 * 60 };
/** Per e-mail address: a person who lost the first mail can ask again, a mailbox cannot be flooded. */
export const RECOVERY_PER_ADDRESS = { limit: 3, windowSeconds: 60 * 60 };

/** The one answer, whether or not the address has an account, is throttled or was sent a link. */
export const RECOVERY_ANSWER =
  'If an account uses that address, a link to set a new password is on its way to it. The link works for 1 hour. ' +
  'Nothing arrived? Check your spam folder, or ask an administrator.';

export const RECOVERY_CLIENT_THROTTLED =
  'Too many requests from your network in the last hour. Try again later, or ask an administrator.';

const hashed = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

export type RequestPasswordRecoveryOptions = { email: string; ip: string | null };

/**
 * "Forgot your password?": mails a one-time link (valid 1 hour, only its SHA-256 stored) to an active
 * account with that address, through the outbox (kept at /admin/outbox without SMTP). The answer is
 * RECOVERY_ANSWER whatever happened, so the form tells nobody whether an address has an account.
 *
 * Throttled in PostgreSQL (lib/rate-limit/consume.ts): per client address (past it the form says so;
 * that reveals nothing about accounts) and per e-mail address (past it nothing more is sent, silently).
 * Keys are hashes, never the address itself. A new link replaces the previous one; the current
 * password keeps working until the link is used, and using it ends every session of the account.
 */
export async function requestPasswordRecovery({ email: typed, ip }: RequestPasswordRecoveryOptions): Promise<{
  message: string;
}> {
  const db = getDb();
  const email = normaliseEmail(typed);
  const at = now();
  const perClient = await consume(`recovery:ip:${hashed(ip ?? 'unknown')}`, { ...RECOVERY_PER_CLIENT, now: at, db });
  if (!perClient.allowed) throw new ValidationError({ email: [RECOVERY_CLIENT_THROTTLED] }, RECOVERY_CLIENT_THROTTLED);
  const perAddress = await consume(`recovery:email:${hashed(email)}`, { ...RECOVERY_PER_ADDRESS, now: at, db });
  if (!perAddress.allowed) return { message: RECOVERY_ANSWER };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, status: true } });
  if (!user || user.status !== 'ACTIVE') return { message: RECOVERY_ANSWER };

  const { link, expiresAt } = await db.$transaction(async (tx) => {
    const token = await createAccountToken(tx, {
      userId: user.id,
      purpose: 'PASSWORD_RESET',
      createdById: null,
      now: at,
      lifetimeMs: RECOVERY_LIFETIME_MS,
    });
    await recordEvent(tx, {
      actorId: null,
      action: 'user.requestPasswordRecovery',
      entityType: 'User',
      entityId: user.id,
      ip,
    });
    return token;
  });
  await sendMail(db, passwordRecoveryMail({ to: email, name: user.name, link, expiresAt }));
  return { message: RECOVERY_ANSWER };
}
