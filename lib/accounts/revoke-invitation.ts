import 'server-only';
import { getDb } from '@/lib/db/client';
import type { Actor } from '@/lib/authz/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { revokeOpenTokens } from './account-tokens';
import { decideAccountAction } from './decide-account-action';

export type RevokeInvitationOptions = { actor: Actor; ip: string | null; userId: string };

/** The invitation link stops working. The account stays, invited, until the invitation is resent. */
export async function revokeInvitation({ actor, ip, userId }: RevokeInvitationOptions): Promise<object> {
  await getDb().$transaction(async (tx) => {
    await decideAccountAction(tx, actor, 'user.revokeInvitation', userId);
    const revoked = await revokeOpenTokens(tx, userId, new Date(), 'INVITATION');
    await recordEvent(tx, {
      actorId: actor!.id,
      action: 'user.revokeInvitation',
      entityType: 'User',
      entityId: userId,
      ip,
      data: { linksRevoked: revoked },
    });
  });
  return {};
}
