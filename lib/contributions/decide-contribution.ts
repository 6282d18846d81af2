import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { sendMail } from '@/lib/mail/send-mail';
import { lockContribution, requireUndecided } from './lock-contribution';
import { replyMail } from './reply-mail';

export type DecideContributionOptions = {
  contributionId: string;
  decision: 'DECLINED' | 'SPAM';
  /** An optional reply to the sender, kept on the contribution and sent through the outbox. */
  reply: string;
  db?: Db;
};

/**
 * Declines a contribution or marks it as spam, once, with an optional reply. The reply is kept as a
 * ContributionReply and mailed after the decision commits (never to an erased sender). The audit event
 * holds no personal data and not the reply's text.
 */
export async function decideContribution(actor: Actor, options: DecideContributionOptions) {
  const editor = enforceCan(actor, options.decision === 'SPAM' ? 'contribution.triage' : 'contribution.decline');
  const db = options.db ?? getDb();
  const reply = options.reply.trim();
  const now = new Date();
  const outcome = await db.$transaction(async (tx) => {
    const locked = await lockContribution(tx, options.contributionId);
    requireUndecided(locked);
    const c = await tx.contribution.update({
      where: { id: locked.id },
      data: { status: options.decision, triagedById: editor.id, triagedAt: now },
      select: { id: true, email: true, reference: true, erasedAt: true },
    });
    if (reply)
      await tx.contributionReply.create({
        data: { contributionId: c.id, authorId: editor.id, decision: options.decision, text: reply, createdAt: now },
      });
    await recordEvent(tx, {
      actorId: editor.id,
      action: options.decision === 'SPAM' ? 'contribution.markSpam' : 'contribution.decline',
      entityType: 'Contribution',
      entityId: c.id,
      fromState: locked.status,
      toState: options.decision,
      data: { replied: reply !== '' },
    });
    return c;
  });
  if (reply && !outcome.erasedAt && outcome.email)
    await sendMail(db, {
      to: outcome.email,
      contributionId: outcome.id,
      ...replyMail(outcome.reference, reply),
    });
  return { status: options.decision };
}
