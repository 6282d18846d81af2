import 'server-only';
import { cookies } from 'next/headers';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from '@/lib/auth/cookies';
import { env } from '@/lib/env';

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

/** A token exactly as next-auth issues one at sign-in. */
export function encodeSessionToken(user: {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}): Promise<string> {
  return encode({
    token: { sub: user.id, name: user.name, email: user.email, sv: user.sessionVersion },
    secret: secret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Replaces this browser's session (after the person changed their own password). */
export async function issueSessionCookie(user: {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, await encodeSessionToken(user), { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}

export async function clearSessionCookie(): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, '', { ...options, maxAge: 0 });
}
