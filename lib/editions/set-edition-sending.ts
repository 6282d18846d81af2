import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ConflictError, NotFoundError } from '@/lib/errors';

/**
 * Whether publishing this issue sends the e-mail edition (editors; on by default). Decided before
 * publishing: once the issue is published the edition is queued or skipped, and withdrawing is the
 * way to stop it. Audited.
 */
export async function setEditionSending(
  actor: Actor,
  issueId: string,
  send: boolean,
  ctx: { ip?: string | null } = {},
) {
  const person = enforceCan(actor, 'edition.manage');
  return getDb().$transaction(async (tx) => {
    const [issue] = await tx.$queryRaw<{ id: string; state: string }[]>`
      SELECT "id", "state"::text AS "state" FROM "Issue" WHERE "id" = ${issueId} FOR UPDATE`;
    if (!issue) throw new NotFoundError();
    if (issue.state === 'PUBLISHED')
      throw new ConflictError(null, 'The issue is published: its e-mail edition is already queued or skipped.');
    const current = await tx.edition.findUnique({ where: { issueId }, select: { id: true, sendEnabled: true } });
    if ((current?.sendEnabled ?? true) === send) return { changed: false };
    const edition = await tx.edition.upsert({
      where: { issueId },
      create: { issueId, sendEnabled: send },
      update: { sendEnabled: send },
      select: { id: true },
    });
    await recordEvent(tx, {
      actorId: person.id,
      action: send ? 'edition.enable' : 'edition.disable',
      entityType: 'Edition',
      entityId: edition.id,
      ip: ctx.ip ?? null,
      data: { issueId },
    });
    return { changed: true };
  });
}
