import 'server-only';
import { getDb } from '@/lib/db/client';
import { can, type Actor } from '@/lib/authz/policy';
import { NotAllowedError } from '@/lib/errors';
import { recordEvent } from '@/lib/audit/record-event';

export type UpdateOwnProfileOptions = { actor: Actor; ip: string | null; name: string };

/** Your own name. (E-mail and role are changed by administrators only.) */
export async function updateOwnProfile({ actor, ip, name }: UpdateOwnProfileOptions): Promise<object> {
  if (!can(actor, 'account.editOwn')) throw new NotAllowedError();
  await getDb().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor!.id }, select: { name: true } });
    if (before.name === name) return;
    await tx.user.update({ where: { id: actor!.id }, data: { name } });
    await recordEvent(tx, {
      actorId: actor!.id,
      action: 'account.updateProfile',
      entityType: 'User',
      entityId: actor!.id,
      ip,
      data: { from: before.name, to: name },
    });
  });
  return { message: 'Your name is saved.' };
}
