import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Role } from '@/generated/prisma/enums';
import { checkUserAction, type Actor, type UserAction, type UserRefusal } from '@/lib/authz/policy';
import { NotAllowedError, NotFoundError } from '@/lib/errors';

export type AccountRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: 'INVITED' | 'ACTIVE' | 'DEACTIVATED';
  sessionVersion: number;
};

const refusalMessages: Record<UserAction, Partial<Record<UserRefusal, string>>> = {
  'user.read': {},
  'user.resendInvitation': { state: 'Only an invited account has an invitation to resend.' },
  'user.revokeInvitation': { state: 'Only an invited account has an invitation to revoke.' },
  'user.changeRole': {
    self: 'You cannot change your own role. Ask another administrator.',
    lastAdmin: 'Quire needs at least one active administrator: make someone else an administrator first.',
    state: 'Reactivate this account before changing its role.',
  },
  'user.deactivate': {
    self: 'You cannot deactivate your own account.',
    lastAdmin: 'Quire needs at least one active administrator: make someone else an administrator first.',
    state: 'Only an active account can be deactivated.',
  },
  'user.reactivate': { state: 'Only a deactivated account can be reactivated.' },
  'user.issuePasswordReset': {
    self: 'Change your own password under “Your account”.',
    state: 'Only an active account can be sent a password-reset link.',
  },
  'user.resetTwoFactor': {
    self: 'You cannot reset your own second factor. Ask another administrator, or use a recovery code.',
    state: 'Only an active account has a second factor to reset.',
  },
};

/**
 * Inside the transaction that will make the change: locks the active admins' rows and the target's,
 * counts the active admins, and asks the policy. Concurrent demotions of the last two admins therefore
 * run one after the other, and the second sees one admin left. Throws "not found" for an account the
 * actor may not see (or that does not exist) and "not allowed" with the reason otherwise.
 */
export async function decideAccountAction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  action: UserAction,
  userId: string,
  newRole?: Role,
): Promise<AccountRow> {
  const admins = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "status" = 'ACTIVE' ORDER BY "id" FOR UPDATE`;
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const target =
    locked.length === 1
      ? await tx.user.findUnique({
          where: { id: userId },
          select: { id: true, name: true, email: true, role: true, status: true, sessionVersion: true },
        })
      : null;
  if (!target) throw new NotFoundError('No such account.');
  const { decision, refusal } = checkUserAction(actor, action, target, { activeAdminCount: admins.length, newRole });
  if (decision === 'hidden') throw new NotFoundError('No such account.');
  if (decision === 'denied')
    throw new NotAllowedError((refusal && refusalMessages[action][refusal]) ?? 'Only administrators manage accounts.');
  return target;
}
