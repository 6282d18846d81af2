import type { NextRequest } from 'next/server';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { exportAuditCsv } from '@/lib/audit/export-audit-csv';
import { parseAuditFilter } from '@/lib/validation/audit-filter';

/** The audit log's filtered view as CSV (editors and admins); the same query string as /admin/audit. */
export async function GET(request: NextRequest) {
  const actor = await getCurrentActor();
  if (!actor) return new Response('Sign in first.\n', { status: 401 });
  if (!can(actor, 'audit.read')) return new Response('Not allowed.\n', { status: 403 });
  const { filter, fieldErrors } = parseAuditFilter(Object.fromEntries(request.nextUrl.searchParams));
  const problems = Object.entries(fieldErrors);
  if (problems.length > 0)
    return new Response(problems.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('\n') + '\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  const csv = await exportAuditCsv(actor, filter);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
