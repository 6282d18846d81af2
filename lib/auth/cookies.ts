/**
 * The session cookie's name and attributes, in one place: next-auth writes it (lib/auth/options.ts),
 * getCurrentActor reads it, a password change re-issues it, and proxy.ts checks it is present.
 */
import { env } from '@/lib/env';

/**
 * Absolute lifetime of a session, from sign-in. next-auth re-signs the cookie on every call to
 * /api/auth/session, so this is enforced by the Session row and the token's `auth` claim
 * (lib/auth/sessions.ts), not by the JWT's expiry; after it, sign in again.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Secure cookies whenever the site is served over https (NEXTAUTH_URL says how it is served). */
export function secureCookiesWanted(): boolean {
  return env().https;
}

export function sessionCookie() {
  const secure = secureCookiesWanted();
  return {
    // The __Secure- prefix makes the browser refuse the cookie unless it was set over https.
    name: `${secure ? '__Secure-' : ''}next-auth.session-token`,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure },
  };
}
