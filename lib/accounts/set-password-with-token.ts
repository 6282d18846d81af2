import 'server-only';
import { getDb } from '@/lib/db/client';
import { ConflictError, ValidationError } from '@/lib/errors';
import { recordEvent } from '@/lib/audit/record-event';
import { hashPassword } from '@/lib/auth/password';
import { endAllSessions } from '@/lib/auth/sessions';
import { now as clockNow } from '@/lib/clock';
import { hashToken, revokeOpenTokens } from './account-tokens';

export type SetPasswordWithTokenOptions = { token: string; password: string; ip: string | null };

const USED_OR_EXPIRED =
  'This link has expired or has already been used. Ask for a new one with “Forgot your password?” on the sign-in page.';

/**
 * Uses a one-time link: sets the password, activates an invited account, ends every session of the
 * account (session version), closes its other links and lifts a sign-in lock on it. The link is
 * marked used in the same transaction, conditionally, so it works exactly once.
 */
export async function setPasswordWithToken({
  token,
  password,
  ip,
}: SetPasswordWithTokenOptions): Promise<{ email: string }> {
  const db = getDb();
  const tokenHash = hashToken(token);
  const row = await db.accountToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, purpose: true, user: { select: { email: true, status: true } } },
  });
  if (!row || row.user.status === 'DEACTIVATED') throw new ConflictError(null, USED_OR_EXPIRED);
  if (password.trim().toLowerCase() === row.user.email)
    throw new ValidationError({ password: ['Do not use your e-mail address as your password.'] });
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const now = clockNow();
    const claimed = await tx.accountToken.updateMany({
      where: { id: row.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new ConflictError(null, USED_OR_EXPIRED);
    const before = await tx.user.findUniqueOrThrow({
      where: { id: row.userId },
      select: { status: true, email: true },
    });
    if (before.status === 'DEACTIVATED') throw new ConflictError(null, USED_OR_EXPIRED);
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, status: 'ACTIVE', sessionVersion: { increment: 1 } },
    });
    await endAllSessions(tx, row.userId, 'passwordReset');
    await revokeOpenTokens(tx, row.userId, now);
    await tx.signInLock.deleteMany({ where: { scope: 'ACCOUNT', key: before.email } });
    await tx.signInFailure.deleteMany({ where: { scope: 'ACCOUNT', key: before.email } });
    await recordEvent(tx, {
      actorId: row.userId,
      action: row.purpose === 'INVITATION' ? 'user.acceptInvitation' : 'user.resetPassword',
      entityType: 'User',
      entityId: row.userId,
      fromState: before.status,
      toState: 'ACTIVE',
      ip,
    });
    return { email: before.email };
  });
}
