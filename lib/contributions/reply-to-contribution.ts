import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { NotAllowedError } from '@/lib/errors';
import { sendMail } from '@/lib/mail/send-mail';
import { lockContribution } from './lock-contribution';
import { replyMail } from './reply-mail';

/** Writes to the sender without deciding; a new contribution becomes "in progress". */
export async function replyToContribution(actor: Actor, options: { contributionId: string; text: string; db?: Db }) {
  const editor = enforceCan(actor, 'contribution.reply');
  const db = options.db ?? getDb();
  const text = options.text.trim();
  const c = await db.$transaction(async (tx) => {
    const locked = await lockContribution(tx, options.contributionId);
    if (locked.erasedAt)
      throw new NotAllowedError('The sender’s e-mail address was erased: there is no one to reply to.');
    const row = await tx.contribution.update({
      where: { id: locked.id },
      data: locked.status === 'NEW' ? { status: 'IN_PROGRESS' } : {},
      select: { id: true, email: true, reference: true },
    });
    await tx.contributionReply.create({ data: { contributionId: row.id, authorId: editor.id, decision: null, text } });
    await recordEvent(tx, {
      actorId: editor.id,
      action: 'contribution.reply',
      entityType: 'Contribution',
      entityId: row.id,
      fromState: locked.status,
      toState: locked.status === 'NEW' ? 'IN_PROGRESS' : locked.status,
    });
    return row;
  });
  await sendMail(db, { to: c.email, contributionId: c.id, ...replyMail(c.reference, text) });
  return { replied: true };
}
