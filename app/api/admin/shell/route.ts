import { getCurrentActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';

/**
 * Who is signed in now, as the back-office header shows it (name and role, read from the database).
 * The header asks on every navigation: layouts are not rendered again when moving between pages, so a
 * role changed since the page was loaded would otherwise keep the old menu. Anyone may call it; it
 * answers only about the caller's own active account, and 401 without one.
 */
export async function GET() {
  const headers = { 'Cache-Control': 'private, no-store' };
  const actor = await getCurrentActor();
  if (!actor || !can(actor, 'backOffice.enter')) return Response.json({ actor: null }, { status: 401, headers });
  return Response.json({ actor: { id: actor.id, name: actor.name, role: actor.role } }, { headers });
}
