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

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    /** The account's sessionVersion when this token was issued; a mismatch ends the session. */
    sv?: number;
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
        const result = await authenticate({ ...parsed.data, ip: clientAddress((name) => headers[name]) });
        // The owner of a deactivated account (right password) is told why; every other refusal is null,
        // next-auth's one "CredentialsSignin" error, whatever the reason.
        if (!result.ok && result.reason === 'deactivated') throw new Error(ACCOUNT_DEACTIVATED_CODE);
        return result.ok
          ? {
              id: result.user.id,
              name: result.user.name,
              email: result.user.email,
              sessionVersion: result.user.sessionVersion,
            }
          : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sv = user.sessionVersion;
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
