import 'server-only';
import { getDb } from '@/lib/db/client';
import type { Actor } from '@/lib/authz/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { decideAccountAction } from './decide-account-action';

export type ReactivateUserOptions = { actor: Actor; ip: string | null; userId: string };

/** The person may sign in again with their password. Sessions from before the deactivation stay ended. */
export async function reactivateUser({ actor, ip, userId }: ReactivateUserOptions): Promise<object> {
  await getDb().$transaction(async (tx) => {
    await decideAccountAction(tx, actor, 'user.reactivate', userId);
    await tx.user.update({ where: { id: userId }, data: { status: 'ACTIVE' } });
    await recordEvent(tx, {
      actorId: actor!.id,
      action: 'user.reactivate',
      entityType: 'User',
      entityId: userId,
      fromState: 'DEACTIVATED',
      toState: 'ACTIVE',
      ip,
    });
  });
  return {};
}
