import 'server-only';
import { getDb } from '@/lib/db/client';
import { can, type Actor } from '@/lib/authz/policy';
import { ValidationError, NotAllowedError } from '@/lib/errors';
import { recordEvent } from '@/lib/audit/record-event';
import { hashPassword } from '@/lib/auth/password';
import { authenticate } from '@/lib/auth/sign-in';

export type ChangeOwnPasswordOptions = { actor: Actor; ip: string | null; currentPassword: string; password: string };

/**
 * A new password, given the current one (checked with the same throttling as signing in). Bumps the
 * session version, which ends every other session; the caller re-issues this browser's session with
 * the returned account.
 */
export async function changeOwnPassword({ actor, ip, currentPassword, password }: ChangeOwnPasswordOptions) {
  if (!can(actor, 'account.editOwn')) throw new NotAllowedError();
  const db = getDb();
  const me = await db.user.findUniqueOrThrow({ where: { id: actor!.id }, select: { email: true } });
  if (password.trim().toLowerCase() === me.email)
    throw new ValidationError({ password: ['Do not use your e-mail address as your password.'] });
  const check = await authenticate({ email: me.email, password: currentPassword, ip, purpose: 'confirm' });
  if (!check.ok) {
    throw new ValidationError({
      currentPassword: [
        check.reason === 'throttled'
          ? 'Too many wrong passwords: try again in 15 minutes.'
          : 'This is not your current password.',
      ],
    });
  }
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: actor!.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, name: true, email: true, sessionVersion: true },
    });
    await recordEvent(tx, {
      actorId: actor!.id,
      action: 'account.changePassword',
      entityType: 'User',
      entityId: actor!.id,
      ip,
    });
    return user;
  });
  return { user, message: 'Your password is changed. You were signed out everywhere else.' };
}
