import 'server-only';
import { getDb } from '@/lib/db/client';
import type { Actor } from '@/lib/authz/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { revokeOpenTokens } from './account-tokens';
import { decideAccountAction } from './decide-account-action';

export type DeactivateUserOptions = { actor: Actor; ip: string | null; userId: string };

/**
 * The person can no longer sign in, and every session they have open ends on its next request
 * (status and session version both change). Open set-password links are revoked.
 */
export async function deactivateUser({ actor, ip, userId }: DeactivateUserOptions): Promise<object> {
  await getDb().$transaction(async (tx) => {
    await decideAccountAction(tx, actor, 'user.deactivate', userId);
    await tx.user.update({ where: { id: userId }, data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } } });
    await revokeOpenTokens(tx, userId);
    await recordEvent(tx, {
      actorId: actor!.id,
      action: 'user.deactivate',
      entityType: 'User',
      entityId: userId,
      fromState: 'ACTIVE',
      toState: 'DEACTIVATED',
      ip,
    });
  });
  return {};
}
