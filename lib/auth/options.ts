import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { cleanString } from '@/lib/validation/common';
import { authenticate } from '@/lib/auth/sign-in';
import { ACCOUNT_DEACTIVATED_CODE } from '@/lib/auth/messages';
import { clientAddress } from '@/lib/auth/client-address';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { SESSION_MAX_AGE_SECONDS, sessionCookie, secureCookiesWanted } from '@/lib/auth/cookies';
import { env } from '@/lib/env';
import { createSession, endSession } from '@/lib/auth/sessions';

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

const credentialsSchema = z.object({ email: cleanString().max(320), password: z.string().max(1024) });

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
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = (req.headers ?? {}) as Record<string, string | undefined>;
        const ip = clientAddress((name) => headers[name]);
        const result = await authenticate({ ...parsed.data, ip });
        // The owner of a deactivated account (right password) is told why; every other refusal is null,
        // next-auth's one "CredentialsSignin" error, whatever the reason.
        if (!result.ok && result.reason === 'deactivated') throw new Error(ACCOUNT_DEACTIVATED_CODE);
        if (!result.ok) return null;
        const session = await createSession(result.user.id, { ip });
        return {
          id: result.user.id,
          name: result.user.name,
          email: result.user.email,
          sessionVersion: result.user.sessionVersion,
          sessionId: session.id,
          sessionCreatedAt: session.createdAt,
        };
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
