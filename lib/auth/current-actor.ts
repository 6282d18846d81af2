import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Role } from '@/generated/prisma/enums';
import { readSessionToken } from '@/lib/auth/session';
import { resolveSession } from '@/lib/auth/sessions';
import { clientAddress } from '@/lib/auth/client-address';
import { loginUrlFor } from '@/lib/auth/callback-url';

/** The signed-in person, as read from the database on this request. Assignable to the policy's Actor. */
export type SessionActor = { id: string; role: Role; status: 'ACTIVE'; name: string; email: string };

/**
 * Who is signed in, re-read from the database on every request: the session named by the token must
 * still be open (not signed out, within its absolute lifetime and idle timeout: lib/auth/sessions.ts),
 * the account must still be active and its session version must match the token's, so sign-out,
 * deactivation, a password change or a reset ends the session on the next request, and a role change
 * applies on the next request. Returns null otherwise.
 *
 * Read once per request (React cache(), as the Next.js data-access-layer guide does): the layout, the
 * page and generateMetadata share one read. cache() only remembers inside a server-component render;
 * a server action, a route handler or a test calling it outside one reads the database on every call.
 */
const readSession = cache(async (): Promise<{ actor: SessionActor; mustEnrolTwoFactor: boolean } | null> => {
  const token = await readSessionToken();
  if (!token || typeof token.sub !== 'string' || typeof token.sv !== 'number') return null;
  if (typeof token.sid !== 'string' || typeof token.auth !== 'number') return null;
  const live = await resolveSession({ sid: token.sid, sub: token.sub, auth: token.auth });
  if (!live) return null;
  const { user } = live;
  if (user.status !== 'ACTIVE' || user.sessionVersion !== token.sv) return null;
  return {
    actor: { id: user.id, role: user.role, status: 'ACTIVE', name: user.name, email: user.email },
    mustEnrolTwoFactor: live.mustEnrolTwoFactor,
  };
});

/**
 * The signed-in person, or null. Null too for an editor or admin who must enrol a second factor
 * (SecuritySettings.requireTwoFactor) and has not: until they do, they can do nothing but enrol
 * (getEnrollingActor) or sign out, since every data function and action starts here.
 */
export const getCurrentActor = cache(async (): Promise<SessionActor | null> => {
  const session = await readSession();
  return session && !session.mustEnrolTwoFactor ? session.actor : null;
});

/** The signed-in person whether or not they still have to enrol a second factor: for /two-factor only. */
export async function getEnrollingActor(): Promise<{ actor: SessionActor; mustEnrolTwoFactor: boolean } | null> {
  return readSession();
}

/** For back-office pages: the signed-in person, or off to the sign-in page (and back here afterwards). */
export async function requireActor(): Promise<SessionActor> {
  const session = await readSession();
  if (session?.mustEnrolTwoFactor) redirect(TWO_FACTOR_ENROL_PATH);
  if (!session) redirect(loginUrlFor((await headers()).get('x-quire-path')));
  return session.actor;
}

/** Where people set up two-factor sign-in (and must, when it is required of them). */
export const TWO_FACTOR_ENROL_PATH = '/two-factor';

/** The client's address for the audit log. */
export async function requestAddress(): Promise<string | null> {
  const h = await headers();
  return clientAddress((name) => h.get(name));
}
