import 'server-only';
import { getDb } from '@/lib/db/client';
import type { Actor } from '@/lib/authz/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { sendMail } from '@/lib/mail/send-mail';
import { createAccountToken } from './account-tokens';
import { decideAccountAction } from './decide-account-action';
import { inviterName } from './invite-user';
import { invitationMail } from './mails';

export type ResendInvitationOptions = { actor: Actor; ip: string | null; userId: string };

/** A fresh 7-day link for an invited account; the previous link stops working. */
export async function resendInvitation({ actor, ip, userId }: ResendInvitationOptions): Promise<object> {
  const db = getDb();
  const { user, link, expiresAt } = await db.$transaction(async (tx) => {
    const user = await decideAccountAction(tx, actor, 'user.resendInvitation', userId);
    const token = await createAccountToken(tx, { userId, purpose: 'INVITATION', createdById: actor!.id });
    await recordEvent(tx, {
      actorId: actor!.id,
      action: 'user.resendInvitation',
      entityType: 'User',
      entityId: userId,
      ip,
    });
    return { user, ...token };
  });
  await sendMail(
    db,
    invitationMail({ to: user.email, name: user.name, inviter: await inviterName(actor!.id), link, expiresAt }),
  );
  return {};
}
