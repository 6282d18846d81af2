import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { getMailingSettings } from './mailing-settings';

/** The send rate (messages per minute, for the whole site) and attempts per delivery (admins). Audited. */
export async function updateMailingSettings(
  actor: Actor,
  input: { sendRatePerMinute: number; maxAttempts: number },
  ctx: { ip?: string | null } = {},
) {
  const person = enforceCan(actor, 'subscriber.manage');
  return getDb().$transaction(async (tx) => {
    const before = await getMailingSettings(tx);
    await tx.$queryRaw`SELECT "id" FROM "MailingSettings" WHERE "id" = 1 FOR UPDATE`;
    const changed = before.sendRatePerMinute !== input.sendRatePerMinute || before.maxAttempts !== input.maxAttempts;
    if (!changed) return { changed: false };
    await tx.mailingSettings.update({ where: { id: 1 }, data: input });
    await recordEvent(tx, {
      actorId: person.id,
      action: 'settings.mailing',
      entityType: 'MailingSettings',
      entityId: '1',
      ip: ctx.ip ?? null,
      data: {
        before: { sendRatePerMinute: before.sendRatePerMinute, maxAttempts: before.maxAttempts },
        after: input,
      },
    });
    return { changed: true };
  });
}
