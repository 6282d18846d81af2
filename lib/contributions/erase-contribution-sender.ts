import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { lockContribution } from './lock-contribution';

export const ERASED_MAIL_TEXT = '(erased with the sender’s personal data)';

/**
 * Erases the sender's name, e-mail address and organisation from a contribution and from every copy
 * of mail to them in the outbox. Kept: the text, the decision, the replies and the note that (and
 * when) it was erased. Audit events about contributions never hold personal data, so the append-only
 * trail needs no change. Not changed: the credit in an item already made from the contribution (that
 * is editorial content; the editor edits the item).
 */
export async function eraseContributionSender(actor: Actor, options: { contributionId: string; db?: Db }) {
  const editor = enforceCan(actor, 'contribution.erase');
  const db = options.db ?? getDb();
  return db.$transaction(async (tx) => {
    const locked = await lockContribution(tx, options.contributionId);
    if (locked.erasedAt) return { erasedAt: locked.erasedAt };
    const erasedAt = new Date();
    await tx.contribution.update({
      where: { id: locked.id },
      data: { name: '', email: '', organisation: '', erasedAt },
    });
    const mails = await tx.outboxMessage.updateMany({
      where: { contributionId: locked.id },
      data: { to: '(erased)', text: ERASED_MAIL_TEXT, error: null },
    });
    await recordEvent(tx, {
      actorId: editor.id,
      action: 'contribution.eraseSender',
      entityType: 'Contribution',
      entityId: locked.id,
      data: { outboxCopies: mails.count },
    });
    return { erasedAt };
  });
}
