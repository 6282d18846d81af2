import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import { getDb } from '@/lib/db/client';
import type { Actor } from '@/lib/authz/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { decideAccountAction } from './decide-account-action';

export type ChangeUserRoleOptions = { actor: Actor; ip: string | null; userId: string; role: Role };

/**
 * A new role, in force on the person's next request (getCurrentActor reads the role from the
 * database each time, so their session goes on with the new role).
 */
export async function changeUserRole({
  actor,
  ip,
  userId,
  role,
}: ChangeUserRoleOptions): Promise<{ changed: boolean }> {
  return getDb().$transaction(async (tx) => {
    const user = await decideAccountAction(tx, actor, 'user.changeRole', userId, role);
    if (user.role === role) return { changed: false };
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordEvent(tx, {
      actorId: actor!.id,
      action: 'user.changeRole',
      entityType: 'User',
      entityId: userId,
      fromState: user.role,
      toState: role,
      ip,
    });
    return { changed: true };
  });
}
