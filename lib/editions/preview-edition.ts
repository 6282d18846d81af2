import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { sendMail } from '@/lib/mail/send-mail';
import { siteUrl } from '@/lib/site-url';
import { loadEditionContent } from './edition-content';
import { personaliseEdition, renderEdition, type PreparedEdition } from './render-edition';

/**
 * The edition as it would go out now (editors): every item placed in the issue, in order, as
 * publishing would send them. The unsubscribe link of a preview or a test leads to the subscribe page.
 */
export async function previewEdition(actor: Actor, issueId: string): Promise<PreparedEdition> {
  enforceCan(actor, 'edition.manage');
  const content = await loadEditionContent(getDb(), issueId, 'placed');
  if (!content) throw new NotFoundError();
  return personaliseEdition(await renderEdition(content), `${siteUrl()}/subscribe`);
}

/** "Send a test to myself": the preview, to the editor's own address, marked as a test. Audited. */
export async function sendTestEdition(
  actor: Actor & { email: string },
  issueId: string,
  ctx: { ip?: string | null } = {},
): Promise<{ to: string; result: 'kept' | 'sent' | 'failed' }> {
  const person = enforceCan(actor, 'edition.manage');
  const copy = await previewEdition(actor, issueId);
  const db = getDb();
  const result = await sendMail(db, {
    to: actor.email,
    subject: `[Test] ${copy.subject}`,
    text: copy.text,
    html: copy.html,
  });
  await recordEvent(db, {
    actorId: person.id,
    action: 'edition.test',
    entityType: 'Issue',
    entityId: issueId,
    ip: ctx.ip ?? null,
    data: { result },
  });
  return { to: actor.email, result };
}
