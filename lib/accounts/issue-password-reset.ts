import 'server-only';
import { getDb } from '@/lib/db/client';
import type { Actor } from '@/lib/authz/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { sendMail } from '@/lib/mail/send-mail';
import { createAccountToken } from './account-tokens';
import { decideAccountAction } from './decide-account-action';
import { passwordResetMail } from './mails';

export type IssuePasswordResetOptions = { actor: Actor; ip: string | null; userId: string };

/**
 * Mails the person a one-time link, valid 24 hours, to set a new password. Their current password and
 * sessions keep working until the link is used; using it ends every session.
 */
export async function issuePasswordReset({ actor, ip, userId }: IssuePasswordResetOptions): Promise<object> {
  const db = getDb();
  const { user, link, expiresAt } = await db.$transaction(async (tx) => {
    const user = await decideAccountAction(tx, actor, 'user.issuePasswordReset', userId);
    const token = await createAccountToken(tx, { userId, purpose: 'PASSWORD_RESET', createdById: actor!.id });
    await recordEvent(tx, {
      actorId: actor!.id,
      action: 'user.issuePasswordReset',
      entityType: 'User',
      entityId: userId,
      ip,
    });
    return { user, ...token };
  });
  await sendMail(db, passwordResetMail({ to: user.email, name: user.name, link, expiresAt }));
  return {};
}
