import type { Prisma } from '@/generated/prisma/client';
import { recordEvent } from '@/lib/audit/record-event';

/**
 * Called inside the transaction that withdraws an issue (lib/issues/unpublish-issue.ts), once: every
 * delivery not sent yet is CANCELLED and the edition stops. A message already in its SMTP transaction
 * finishes; its runner then records it as SENT (it was), so publishing the issue again does not send
 * it twice. Nothing to do when the edition was never queued or is done.
 */
export async function cancelEdition(
  tx: Prisma.TransactionClient,
  issueId: string,
  options: { now: Date; actorId: string | null },
): Promise<{ cancelled: number } | null> {
  const [edition] = await tx.$queryRaw<{ id: string; state: string }[]>`
    SELECT "id", "state"::text AS "state" FROM "Edition" WHERE "issueId" = ${issueId} FOR UPDATE`;
  if (!edition || edition.state !== 'SENDING') return null;
  const cancelled = await tx.$executeRaw`
    UPDATE "EditionDelivery" SET "status" = 'CANCELLED', "leaseExpiresAt" = NULL
    WHERE "editionId" = ${edition.id} AND "status" IN ('QUEUED', 'SENDING')`;
  await tx.edition.update({
    where: { id: edition.id },
    data: { state: 'CANCELLED', cancelledAt: options.now },
  });
  await recordEvent(tx, {
    actorId: options.actorId,
    action: 'edition.cancel',
    entityType: 'Edition',
    entityId: edition.id,
    fromState: 'SENDING',
    toState: 'CANCELLED',
    data: { issueId, cancelled },
  });
  return { cancelled };
}
