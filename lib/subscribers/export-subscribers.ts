import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { toCsv } from './csv';

const iso = (d: Date | null) => (d ? d.toISOString() : '');

/**
 * Every subscriber as CSV (admins): address, name, organisation, status, consent (text, source, note)
 * and dates. The columns email, name, organisation come first, so the file imports as it is. The
 * export is audited (who, how many), without the addresses.
 */
export async function exportSubscribersCsv(actor: Actor, ctx: { ip?: string | null } = {}): Promise<string> {
  const person = enforceCan(actor, 'subscriber.manage');
  const db = getDb();
  const rows = await db.subscriber.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  await recordEvent(db, {
    actorId: person.id,
    action: 'subscriber.export',
    entityType: 'Subscriber',
    entityId: '*',
    ip: ctx.ip ?? null,
    data: { count: rows.length },
  });
  return toCsv([
    [
      'email',
      'name',
      'organisation',
      'status',
      'consent_text',
      'consent_source',
      'consent_note',
      'created_at',
      'confirmed_at',
      'unsubscribed_at',
      'bounced_at',
    ],
    ...rows.map((r) => [
      r.email,
      r.name,
      r.organisation,
      r.status.toLowerCase(),
      r.consentText,
      r.consentSource,
      r.consentNote ?? '',
      iso(r.createdAt),
      iso(r.confirmedAt),
      iso(r.unsubscribedAt),
      iso(r.bouncedAt),
    ]),
  ]);
}
