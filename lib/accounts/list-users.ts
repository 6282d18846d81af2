import 'server-only';
import type { Role, UserStatus } from '@/generated/prisma/enums';
import { getDb } from '@/lib/db/client';
import { can, type Actor } from '@/lib/authz/policy';
import { NotAllowedError } from '@/lib/errors';

export type InvitationState = 'open' | 'expired' | 'revoked' | 'none';

/** What the accounts page shows about one person. */
export type UserListEntry = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  lastSignInAt: Date | null;
  /** Signs in with a second factor. */
  twoFactor: boolean;
  invitation: { state: InvitationState; expiresAt: Date | null };
};

export type ListUsersOptions = { actor: Actor };

/** Everyone with an account, admins first, then by name. Admins only. */
export async function listUsers({ actor }: ListUsersOptions): Promise<UserListEntry[]> {
  if (!can(actor, 'user.manage')) throw new NotAllowedError('Only administrators manage accounts.');
  const now = new Date();
  const users = await getDb().user.findMany({
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      status: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      accountTokens: {
        where: { purpose: 'INVITATION' },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { expiresAt: true, usedAt: true, revokedAt: true },
      },
    },
  });
  return users.map(({ accountTokens, totpEnabledAt, ...u }) => {
    const t = accountTokens[0];
    const state: InvitationState =
      u.status !== 'INVITED' || !t
        ? 'none'
        : t.revokedAt
          ? 'revoked'
          : t.usedAt
            ? 'none'
            : t.expiresAt <= now
              ? 'expired'
              : 'open';
    return {
      ...u,
      twoFactor: totpEnabledAt !== null,
      invitation: { state, expiresAt: state === 'open' ? t!.expiresAt : null },
    };
  });
}
