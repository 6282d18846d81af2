import 'server-only';
import { cookies } from 'next/headers';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from '@/lib/auth/cookies';
import { env } from '@/lib/env';
import { createSession } from '@/lib/auth/sessions';

function secret(): string {
  const s = env().nextAuthSecret;
  if (!s) throw new Error('NEXTAUTH_SECRET is not set.');
  return s;
}

/** The decoded session token of this request, or null (absent, tampered with, expired). */
export async function readSessionToken(): Promise<JWT | null> {
  const raw = (await cookies()).get(sessionCookie().name)?.value;
  if (!raw) return null;
  try {
    return await decode({ token: raw, secret: secret() });
  } catch {
    return null;
  }
}

type TokenUser = { id: string; name: string; email: string; sessionVersion: number };

/** The claims of a session token, as the jwt callback (lib/auth/options.ts) writes them at sign-in. */
export function sessionClaims(user: TokenUser, session: { id: string; createdAt: Date }): JWT {
  return {
    sub: user.id,
    name: user.name,
    email: user.email,
    sv: user.sessionVersion,
    sid: session.id,
    auth: Math.floor(session.createdAt.getTime() / 1000),
  };
}

/** Encodes claims as next-auth does. */
export function encodeClaims(token: JWT): Promise<string> {
  return encode({ token, secret: secret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

/**
 * A new session (a Session row) and its token, exactly as next-auth issues one at sign-in. Tests use
 * it to act as a signed-in person.
 */
export async function encodeSessionToken(user: TokenUser, options: { ip?: string | null } = {}): Promise<string> {
  const session = await createSession(user.id, { ip: options.ip });
  return encodeClaims(sessionClaims(user, session));
}

/** Replaces this browser's session with a new one (after the person changed their own password). */
export async function issueSessionCookie(user: TokenUser): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, await encodeSessionToken(user), { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}

export async function clearSessionCookie(): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, '', { ...options, maxAge: 0 });
}
