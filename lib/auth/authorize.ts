import 'server-only';
import type { User } from 'next-auth';
import { z } from 'zod';
import { cleanString } from '@/lib/validation/common';
import { authenticate } from '@/lib/auth/sign-in';
import { ACCOUNT_DEACTIVATED_CODE } from '@/lib/auth/messages';
import { createSession } from '@/lib/auth/sessions';
import {
  consumeSignInChallenge,
  createSignInChallenge,
  findSignInChallenge,
  verifySecondFactor,
} from '@/lib/auth/two-factor';
import { getDb } from '@/lib/db/client';

/**
 * What next-auth's credentials provider asks (lib/auth/options.ts), written out so tests can call it.
 *
 * Two steps for a person with two-factor on:
 *   1. e-mail and password. Right, but no code with them: no session; a one-time ticket (5 minutes,
 *      hash stored, lib/auth/two-factor.ts) comes back inside next-auth's error, as
 *      `TWO_FACTOR_REQUIRED:<ticket>` (next-auth turns a thrown error's message into its `error`).
 *   2. the ticket and a code (from the app, or a recovery code): a session.
 * The ticket is not a session and opens nothing else: a person between the steps is signed out.
 * A script may also send e-mail, password and code in one request. Without two-factor, step 1 signs in.
 * Every refusal is null, next-auth's one "CredentialsSignin" error, whatever the reason; except that the
 * owner of a deactivated account (right password) is told why (ACCOUNT_DEACTIVATED_CODE).
 */
export const TWO_FACTOR_REQUIRED = 'TWO_FACTOR_REQUIRED:';

const credentialsSchema = z.object({
  email: cleanString().max(320).optional(),
  password: z.string().max(1024).optional(),
  code: cleanString().max(64).optional(),
  challenge: cleanString().max(100).optional(),
});

export async function authorizeCredentials(credentials: unknown, ip: string | null): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password, code, challenge } = parsed.data;
  const db = getDb();

  if (challenge) {
    const pending = await findSignInChallenge(challenge);
    if (!pending || !code) return null;
    const user = await db.user.findUnique({
      where: { id: pending.userId },
      select: { id: true, name: true, email: true, status: true, sessionVersion: true, totpEnabledAt: true },
    });
    if (!user || user.status !== 'ACTIVE' || !user.totpEnabledAt) return null;
    const second = await verifySecondFactor({ userId: user.id, code, ip });
    if (!second.ok) return null;
    if (!(await consumeSignInChallenge(pending.id))) return null;
    return withSession(user, ip);
  }

  if (email === undefined || password === undefined) return null;
  const result = await authenticate({ email, password, ip });
  if (!result.ok && result.reason === 'deactivated') throw new Error(ACCOUNT_DEACTIVATED_CODE);
  if (!result.ok) return null;
  const enrolled = await db.user.findUnique({ where: { id: result.user.id }, select: { totpEnabledAt: true } });
  if (enrolled?.totpEnabledAt) {
    if (!code) throw new Error(`${TWO_FACTOR_REQUIRED}${await createSignInChallenge(result.user.id, ip)}`);
    const second = await verifySecondFactor({ userId: result.user.id, code, ip });
    if (!second.ok) return null;
  }
  return withSession(result.user, ip);
}

async function withSession(
  user: { id: string; name: string; email: string; sessionVersion: number },
  ip: string | null,
): Promise<User> {
  const session = await createSession(user.id, { ip });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    sessionVersion: user.sessionVersion,
    sessionId: session.id,
    sessionCreatedAt: session.createdAt,
  };
}
