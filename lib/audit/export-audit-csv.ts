import 'server-only';
import { can, type Actor } from '@/lib/authz/policy';
import { toCsv } from '@/lib/subscribers/csv';
import type { AuditFilter } from '@/lib/validation/audit-filter';
import { AUDIT_EXPORT_LIMIT, listAuditEventsForExport } from './list-audit-events';

/**
 * The filtered audit log as CSV, newest first, with the columns the viewer shows (the client address
 * only for admins). Cells a spreadsheet would run as formulas are defused by the shared CSV writer
 * (lib/subscribers/csv.ts): notes and data come from people, some of them readers.
 */
export async function exportAuditCsv(actor: Actor, filter: AuditFilter): Promise<string> {
  const { rows, truncated } = await listAuditEventsForExport(actor, filter);
  const withIp = can(actor, 'audit.readAddresses');
  const header = [
    'id',
    'created_at',
    'actor_id',
    'actor_name',
    'action',
    'entity_type',
    'entity_id',
    'from_state',
    'to_state',
    'note',
    'data',
    ...(withIp ? ['ip'] : []),
  ];
  const lines = rows.map((r) => [
    r.id,
    r.createdAt.toISOString(),
    r.actor?.id ?? '',
    r.actor?.name ?? '',
    r.action,
    r.entityType,
    r.entityId,
    r.fromState ?? '',
    r.toState ?? '',
    r.note ?? '',
    r.data,
    ...(withIp ? [r.ip ?? ''] : []),
  ]);
  const tail = truncated ? [[`# only the newest ${AUDIT_EXPORT_LIMIT} events: narrow the filters for the rest`]] : [];
  return toCsv([header, ...lines, ...tail]);
}
