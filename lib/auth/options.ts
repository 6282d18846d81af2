import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authorizeCredentials } from '@/lib/auth/authorize';
import { clientAddress } from '@/lib/auth/client-address';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { SESSION_MAX_AGE_SECONDS, sessionCookie, secureCookiesWanted } from '@/lib/auth/cookies';
import { env } from '@/lib/env';
import { endSession } from '@/lib/auth/sessions';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
    /** The Session row opened by this sign-in. */
    sessionId?: string;
    sessionCreatedAt?: Date;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    /** The account's sessionVersion when this token was issued; a mismatch ends the session. */
    sv?: number;
    /** The Session row's id: sign-out, idle timeout and lifetime end the row, and with it the token. */
    sid?: string;
    /** Sign-in time, seconds since the epoch: the absolute lifetime counts from here. */
    auth?: number;
  }
}

/**
 * next-auth: e-mail and password only, JWT sessions in an HttpOnly, SameSite=Lax cookie (Secure on
 * https). The token carries the user's id and session version and nothing the app trusts for access:
 * getCurrentActor (lib/auth/current-actor.ts) reads status and role from the database on every call.
 */
export const authOptions: NextAuthOptions = {
  secret: env().nextAuthSecret ?? undefined,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: secureCookiesWanted(),
  cookies: { sessionToken: sessionCookie() },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'E-mail and password',
      credentials: {
        email: { label: 'E-mail', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Code', type: 'text' },
        challenge: { label: 'Challenge', type: 'text' },
      },
      async authorize(credentials, req) {
        const headers = (req.headers ?? {}) as Record<string, string | undefined>;
        return authorizeCredentials(
          credentials,
          clientAddress((name) => headers[name]),
        );
      },
    }),
  ],
  events: {
    // next-auth's own POST /api/auth/signout ends the session on the server too, not only the cookie.
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endSession(token.sid, 'signOut');
    },
  },
  callbacks: {
    jwt({ token, user }) {
      // Only at sign-in (user is set): afterwards next-auth re-signs these claims unchanged, and the
      // Session row named by `sid` decides whether they still mean anything.
      if (user) {
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
        token.auth = Math.floor((user.sessionCreatedAt ?? new Date()).getTime() / 1000);
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { name: token.name, email: token.email } };
    },
    // Only ever to a page of this site (next-auth's own redirects; the sign-in form checks too).
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || '/' : url;
      return `${baseUrl}${safeCallbackPath(path)}`;
    },
  },
};
