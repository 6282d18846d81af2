import 'server-only';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { recordEvent } from '@/lib/audit/record-event';
import { sendMail } from '@/lib/mail/send-mail';
import { siteUrl } from '@/lib/site-url';
import { consume } from '@/lib/rate-limit/consume';
import { NotAllowedError } from '@/lib/errors';
import { detailsOf, type ContributionFields } from '@/lib/validation/contribution';
import { checkFormToken } from './form-token';
import { CONTRIBUTION_LIMITS, NEUTRAL_REFUSAL } from './limits';
import { countRefusal, type RefusalReason } from './count-refusal';
import { newReference } from './reference';

export type SubmitContributionOptions = {
  fields: ContributionFields;
  /** What the hidden honeypot field carried ("" from a person). */
  honeypot: string | null | undefined;
  /** The signed timestamp the form was drawn with. */
  formToken: string | null | undefined;
  ip: string | null;
  now?: Date;
  db?: Db;
};

/**
 * A reader's contribution: checks the abuse rules (honeypot, minimum fill time, rate limits per
 * address and per e-mail), stores it, records one audit event (without personal data, so erasure never
 * has to touch the append-only audit trail) and sends the acknowledgement through the outbox. Every
 * refusal is the same NotAllowedError and is only counted (ContributionRefusalCount), never stored.
 */
export async function submitContribution(options: SubmitContributionOptions): Promise<{ reference: string }> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const { fields } = options;
  const refuse = async (reason: RefusalReason): Promise<never> => {
    await countRefusal(db, reason, now);
    throw new NotAllowedError(NEUTRAL_REFUSAL);
  };

  if (options.honeypot) await refuse('honeypot');
  const token = checkFormToken(options.formToken, now);
  if (token !== 'ok') await refuse(token === 'too-fast' ? 'too-fast' : 'bad-form');

  const email = fields.email.trim().toLowerCase();
  // Both limits count every attempt, so neither can be probed for separately.
  const [byAddress, byEmail] = await Promise.all([
    options.ip
      ? consume(`contribute:ip:${options.ip}`, { ...CONTRIBUTION_LIMITS.perAddress, now, db })
      : Promise.resolve({ allowed: true }),
    consume(`contribute:email:${email}`, { ...CONTRIBUTION_LIMITS.perEmail, now, db }),
  ]);
  if (!byAddress.allowed || !byEmail.allowed) await refuse('throttled');

  const reference = newReference();
  const contribution = await db.$transaction(async (tx) => {
    const row = await tx.contribution.create({
      data: {
        reference,
        name: fields.name,
        email: fields.email,
        organisation: fields.organisation,
        kind: fields.kind,
        subject: fields.subject,
        message: fields.message,
        link: fields.link,
        details: detailsOf(fields),
        anonymous: fields.anonymous,
        consent: fields.consent,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      actorId: null,
      action: 'contribution.receive',
      entityType: 'Contribution',
      entityId: row.id,
      toState: 'NEW',
      data: { kind: fields.kind, reference },
    });
    return row;
  });

  // No name, subject, message or link: any of them may carry a spammer's link, and the
  // acknowledgement must never carry one.
  await sendMail(db, {
    to: fields.email,
    contributionId: contribution.id,
    subject: `We received your contribution (${reference})`,
    text: [
      'Hello,',
      '',
      'Thank you for writing to Information Exchange. The editors read every contribution and may',
      'write back to this address.',
      '',
      `Your reference: ${reference}`,
      '',
      'If you did not send anything, ignore this message: nothing more will be sent to you unless an',
      'editor replies.',
      '',
      siteUrl(),
    ].join('\n'),
  });
  return { reference };
}
