import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Role } from '@/generated/prisma/enums';
import { getDb } from '@/lib/db/client';
import { readSessionToken } from '@/lib/auth/session';
import { clientAddress } from '@/lib/auth/client-address';
import { loginUrlFor } from '@/lib/auth/callback-url';

/** The signed-in person, as read from the database on this request. Assignable to the policy's Actor. */
export type SessionActor = { id: string; role: Role; status: 'ACTIVE'; name: string; email: string };

/**
 * Who is signed in, re-read from the database on every request: the account must still be active and
 * its session version must match the token's, so deactivation, a password change or a reset ends every
 * session on the next request, and a role change applies on the next request. Returns null otherwise.
 *
 * Read once per request (React cache(), as the Next.js data-access-layer guide does): the layout, the
 * page and generateMetadata share one read. cache() only remembers inside a server-component render;
 * a server action, a route handler or a test calling it outside one reads the database on every call.
 */
export const getCurrentActor = cache(async (): Promise<SessionActor | null> => {
  const token = await readSessionToken();
  if (!token || typeof token.sub !== 'string' || typeof token.sv !== 'number') return null;
  const user = await getDb().user.findUnique({
    where: { id: token.sub },
    select: { id: true, role: true, status: true, name: true, email: true, sessionVersion: true },
  });
  if (!user || user.status !== 'ACTIVE' || user.sessionVersion !== token.sv) return null;
  return { id: user.id, role: user.role, status: 'ACTIVE', name: user.name, email: user.email };
});

/** For back-office pages: the signed-in person, or off to the sign-in page (and back here afterwards). */
export async function requireActor(): Promise<SessionActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(loginUrlFor((await headers()).get('x-quire-path')));
  return actor;
}

/** The client's address for the audit log. */
export async function requestAddress(): Promise<string | null> {
  const h = await headers();
  return clientAddress((name) => h.get(name));
}
