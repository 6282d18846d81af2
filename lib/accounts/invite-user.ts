import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import { getDb } from '@/lib/db/client';
import { can, type Actor } from '@/lib/authz/policy';
import { ValidationError, NotAllowedError } from '@/lib/errors';
import { recordEvent } from '@/lib/audit/record-event';
import { sendMail } from '@/lib/mail/send-mail';
import { createAccountToken } from './account-tokens';
import { invitationMail } from './mails';

export type InviteUserOptions = { actor: Actor; ip: string | null; name: string; email: string; role: Role };

/** Creates an invited account (no password yet) and mails a one-time link, valid 7 days, to set one. */
export async function inviteUser(options: InviteUserOptions): Promise<{ userId: string }> {
  const { actor, ip, name, email, role } = options;
  if (!can(actor, 'user.manage')) throw new NotAllowedError('Only administrators invite people.');
  const db = getDb();
  const taken = () => new ValidationError({ email: ['There is already an account with this e-mail address.'] });
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw taken();

  let created: { userId: string; link: string; expiresAt: Date };
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email, role, status: 'INVITED' }, select: { id: true } });
      const { link, expiresAt } = await createAccountToken(tx, {
        userId: user.id,
        purpose: 'INVITATION',
        createdById: actor!.id,
      });
      await recordEvent(tx, {
        actorId: actor!.id,
        action: 'user.invite',
        entityType: 'User',
        entityId: user.id,
        toState: 'INVITED',
        ip,
        data: { email, role },
      });
      return { userId: user.id, link, expiresAt };
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw taken();
    throw error;
  }
  await sendMail(db, invitationMail({ to: email, name, inviter: await inviterName(actor!.id), ...created }));
  return { userId: created.userId };
}

export async function inviterName(id: string): Promise<string> {
  return (await getDb().user.findUnique({ where: { id }, select: { name: true } }))?.name ?? 'An administrator';
}
