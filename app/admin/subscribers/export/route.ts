import { getCurrentActor, requestAddress } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { exportSubscribersCsv } from '@/lib/subscribers/export-subscribers';

/** CSV export of every subscriber (admins). Not cached anywhere: it holds personal data. */
export async function GET() {
  const actor = await getCurrentActor();
  if (!actor) return new Response('Sign in first.\n', { status: 401 });
  if (!can(actor, 'subscriber.manage')) return new Response('Not allowed.\n', { status: 403 });
  const csv = await exportSubscribersCsv(actor, { ip: await requestAddress() });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="subscribers-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
