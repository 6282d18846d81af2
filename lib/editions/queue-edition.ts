import type { Prisma } from '@/generated/prisma/client';
import { recordEvent } from '@/lib/audit/record-event';
import { smtpConfigured } from '@/lib/mail/send-mail';
import { loadEditionContent } from './edition-content';
import { personaliseEdition, renderEdition } from './render-edition';

type Tx = Prisma.TransactionClient;

export type QueueEditionResult =
  | { editionId: string; outcome: 'skipped' }
  | { editionId: string; outcome: 'queued'; queued: number; alreadySent: number };

/**
 * Called inside the transaction that publishes an issue (lib/issues/publish-core.ts), once: prepares
 * the e-mail edition from the issue as published now, and queues one delivery per confirmed
 * subscriber. It commits or rolls back with the publication itself.
 *
 * - Sending turned off for this issue: the edition is SKIPPED (audited) and nothing is queued.
 * - UNIQUE(editionId, subscriberId) makes "once per reader per issue" a database fact. An issue
 *   published again after a withdrawal re-queues only the deliveries the withdrawal cancelled, plus
 *   readers confirmed since; whoever was sent the edition is not sent it again.
 * - One INSERT … SELECT over the confirmed subscribers: no row-by-row work, whatever their number.
 * - Without SMTP, the deliveries are kept queued (no runner sends them) and one copy goes to the
 *   outbox with the counts, so the flow can be followed on a laptop.
 */
export async function queueEdition(
  tx: Tx,
  issueId: string,
  options: { now: Date; actorId: string | null },
): Promise<QueueEditionResult> {
  const { now, actorId } = options;
  await tx.$executeRaw`
    INSERT INTO "Edition" ("id", "issueId", "updatedAt") VALUES (${`ed_${issueId}`}, ${issueId}, ${now})
    ON CONFLICT ("issueId") DO NOTHING`;
  const [edition] = await tx.$queryRaw<{ id: string; sendEnabled: boolean; state: string }[]>`
    SELECT "id", "sendEnabled", "state"::text AS "state" FROM "Edition" WHERE "issueId" = ${issueId} FOR UPDATE`;
  if (!edition) throw new Error(`Edition of ${issueId} vanished while locked.`);

  const content = await loadEditionContent(tx, issueId, 'published');
  if (!content) throw new Error(`Issue ${issueId} vanished while publishing.`);

  if (!edition.sendEnabled) {
    await tx.edition.update({ where: { id: edition.id }, data: { state: 'SKIPPED', preparedAt: null } });
    await recordEvent(tx, {
      actorId,
      action: 'edition.skip',
      entityType: 'Edition',
      entityId: edition.id,
      fromState: edition.state,
      toState: 'SKIPPED',
      data: { issueId, number: content.issue.number },
    });
    return { editionId: edition.id, outcome: 'skipped' };
  }

  const prepared = await renderEdition(content);
  // New rows for readers confirmed now; rows a withdrawal cancelled go back in the queue. Sent,
  // failed and in-flight rows are left as they are.
  const queued = await tx.$executeRaw`
    INSERT INTO "EditionDelivery" ("editionId", "subscriberId", "status", "nextAttemptAt", "createdAt")
    SELECT ${edition.id}, s."id", 'QUEUED', ${now}, ${now} FROM "Subscriber" s WHERE s."status" = 'CONFIRMED'
    ON CONFLICT ("editionId", "subscriberId") DO UPDATE
      SET "status" = 'QUEUED', "attempts" = 0, "nextAttemptAt" = EXCLUDED."nextAttemptAt", "lastAnswer" = NULL,
          "leaseToken" = NULL, "leaseExpiresAt" = NULL
      WHERE "EditionDelivery"."status" = 'CANCELLED'`;
  const alreadySent = await tx.editionDelivery.count({ where: { editionId: edition.id, status: 'SENT' } });
  const outstanding = await tx.editionDelivery.count({
    where: { editionId: edition.id, status: { in: ['QUEUED', 'SENDING'] } },
  });
  const state = outstanding > 0 ? 'SENDING' : 'DONE';
  await tx.edition.update({
    where: { id: edition.id },
    data: {
      state,
      subject: prepared.subject,
      html: prepared.html,
      text: prepared.text,
      preparedAt: now,
      queuedAt: now,
      finishedAt: state === 'DONE' ? now : null,
      cancelledAt: null,
    },
  });
  await recordEvent(tx, {
    actorId,
    action: 'edition.queue',
    entityType: 'Edition',
    entityId: edition.id,
    fromState: edition.state,
    toState: state,
    data: { issueId, number: content.issue.number, queued, alreadySent, smtp: smtpConfigured() },
  });
  if (!smtpConfigured()) {
    const copy = personaliseEdition(prepared, "(each reader's own unsubscribe link)");
    await tx.outboxMessage.create({
      data: {
        to: `${outstanding} confirmed subscriber${outstanding === 1 ? '' : 's'} (kept: no SMTP configured)`,
        subject: prepared.subject,
        text: copy.text,
        status: 'KEPT',
        createdAt: now,
      },
    });
  }
  return { editionId: edition.id, outcome: 'queued', queued, alreadySent };
}
