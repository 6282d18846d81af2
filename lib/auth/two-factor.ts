import 'server-only';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { recordEvent } from '@/lib/audit/record-event';
import { now } from '@/lib/clock';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, FAILURE_WINDOW_MS, LOCK_MS } from '@/lib/auth/sign-in';
import { decryptSecret } from '@/lib/auth/two-factor-crypto';

/**
 * Two-factor sign-in with TOTP (RFC 6238, through the `otpauth` library): SHA-1, 6 digits, 30-second
 * steps, the codes of one step either side accepted for clock drift. These are the parameters every
 * authenticator app supports; the secret is 160 random bits (RFC 4226's recommendation).
 *
 * - A code is accepted once: the account keeps the last accepted time step (`totpLastStep`) and a
 *   code is accepted only for a later step, by a conditional update, so two requests racing with the
 *   same code get one success between them.
 * - Ten recovery codes (50 random bits each, SHA-256 stored), each usable once, by conditional update.
 * - Verification is throttled like passwords (lib/auth/sign-in.ts, same tables and limits): 5 wrong
 *   codes per account or 50 per client address within 15 minutes lock for 15 minutes, a failure is
 *   reserved before the check so parallel guesses cannot slip past, and a lock is audited once.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
export const ISSUER = 'Quire';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/** The time step a code belongs to (within the window around `at`), or null when it matches none. */
export function matchingStep(secretBase32: string, code: string, at: Date = now()): number | null {
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token: code, timestamp: at.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  return totp.counter({ timestamp: at.getTime() }) + delta;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes such as "k7qe2-mz9xa" (10 characters from 31, about 50 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]!).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Spaces, dashes and letter case do not matter when a recovery code is typed. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(normaliseRecoveryCode(code), 'utf8').digest('hex');

export const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

export type SecondFactorResult =
  { ok: true; via: 'totp' | 'recovery'; recoveryCodesLeft?: number } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Checks a second-factor code (an authenticator code or a recovery code) for an enrolled account,
 * throttled, audited and never accepting the same code twice. `purpose: 'confirm'` checks a code
 * against a pending secret being enrolled (`pendingSecret`), without the replay step.
 */
export async function verifySecondFactor(
  input: { userId: string; code: string; ip: string | null; pendingSecret?: string },
  db: Db = getDb(),
): Promise<SecondFactorResult> {
  const at = now();
  const code = input.code.trim().slice(0, 64);
  const keys = [
    { scope: 'ACCOUNT' as const, key: `2fa:${input.userId}` },
    ...(input.ip ? [{ scope: 'ADDRESS' as const, key: `2fa:${input.ip}` }] : []),
  ];
  const audit = (action: string, data: Record<string, string | number> = {}) =>
    recordEvent(db, { actorId: input.userId, action, entityType: 'User', entityId: input.userId, ip: input.ip, data });

  const lock = await db.signInLock.findFirst({ where: { OR: keys, lockedUntil: { gt: at } }, select: { scope: true } });
  if (lock) return { ok: false, reason: 'throttled' };

  const reserved = await db.signInFailure.createManyAndReturn({
    data: keys.map((k) => ({ ...k, createdAt: at })),
    select: { id: true },
  });
  const release = () => db.signInFailure.deleteMany({ where: { id: { in: reserved.map((r) => r.id) } } });
  const since = new Date(at.getTime() - FAILURE_WINDOW_MS);
  const counts = await Promise.all(
    keys.map((k) => db.signInFailure.count({ where: { scope: k.scope, key: k.key, createdAt: { gt: since } } })),
  );
  const limitOf = (scope: 'ACCOUNT' | 'ADDRESS') =>
    scope === 'ACCOUNT' ? ACCOUNT_FAILURE_LIMIT : ADDRESS_FAILURE_LIMIT;
  const lockedUntil = new Date(at.getTime() + LOCK_MS);
  const lockWhere = async (reached: (count: number, limit: number) => boolean) => {
    const taken = await Promise.all(
      keys
        .filter((k, i) => reached(counts[i]!, limitOf(k.scope)))
        .map(
          (k) => db.$queryRaw<{ scope: string }[]>`
            INSERT INTO "SignInLock" ("scope", "key", "lockedUntil")
            VALUES (${k.scope}::"ThrottleScope", ${k.key}, ${lockedUntil})
            ON CONFLICT ("scope", "key") DO UPDATE SET "lockedUntil" = EXCLUDED."lockedUntil"
              WHERE "SignInLock"."lockedUntil" <= ${at}
            RETURNING "scope"::text AS "scope"`,
        ),
    );
    for (const row of taken.flat()) await audit('auth.twoFactorThrottled', { scope: row.scope });
  };

  if (keys.some((k, i) => counts[i]! > limitOf(k.scope))) {
    await release();
    await lockWhere((count, limit) => count > limit);
    return { ok: false, reason: 'throttled' };
  }

  const result = await checkCode(db, input.userId, code, at, input.pendingSecret);
  if (result) {
    await release();
    await db.signInFailure.deleteMany({ where: { scope: 'ACCOUNT', key: `2fa:${input.userId}` } });
    if (result.via === 'recovery')
      await audit('auth.recoveryCodeUsed', { recoveryCodesLeft: result.recoveryCodesLeft ?? 0 });
    return { ok: true, ...result };
  }
  await lockWhere((count, limit) => count >= limit);
  await audit('auth.twoFactorFailed');
  return { ok: false, reason: 'invalid' };
}

async function checkCode(
  db: Db,
  userId: string,
  code: string,
  at: Date,
  pendingSecret: string | undefined,
): Promise<{ via: 'totp' | 'recovery'; recoveryCodesLeft?: number } | null> {
  if (pendingSecret !== undefined) {
    return isTotpCode(code) && matchingStep(pendingSecret, code.replace(/\s/g, ''), at) !== null
      ? { via: 'totp' }
      : null;
  }
  if (isTotpCode(code)) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
    if (!user?.totpSecret || !user.totpEnabledAt) return null;
    const secret = decryptSecret(user.totpSecret, userId);
    if (!secret) return null;
    const step = matchingStep(secret, code.replace(/\s/g, ''), at);
    if (step === null) return null;
    // Accepted only for a later step than the last accepted one: a code is never used twice.
    const claimed = await db.user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1 ? { via: 'totp' } : null;
  }
  const used = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: at },
  });
  if (used.count !== 1) return null;
  const left = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return { via: 'recovery', recoveryCodesLeft: left };
}

/** A one-time ticket for the step between password and code: 5 minutes, only its hash stored. */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
const hashTicket = (ticket: string) => createHash('sha256').update(ticket, 'utf8').digest('hex');

export async function createSignInChallenge(userId: string, ip: string | null, db: Db = getDb()): Promise<string> {
  const ticket = randomBytes(32).toString('base64url');
  const at = now();
  await db.signInChallenge.deleteMany({ where: { expiresAt: { lt: at } } });
  await db.signInChallenge.create({
    data: {
      tokenHash: hashTicket(ticket),
      userId,
      createdAt: at,
      expiresAt: new Date(at.getTime() + CHALLENGE_LIFETIME_MS),
      ip,
    },
  });
  return ticket;
}

/** The account waiting behind a ticket, while it is unused and fresh. */
export async function findSignInChallenge(
  ticket: string,
  db: Db = getDb(),
): Promise<{ id: string; userId: string } | null> {
  if (!ticket || ticket.length > 100) return null;
  const row = await db.signInChallenge.findUnique({
    where: { tokenHash: hashTicket(ticket) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.usedAt || row.expiresAt <= now()) return null;
  return { id: row.id, userId: row.userId };
}

/** Uses the ticket up (once: a conditional update). */
export async function consumeSignInChallenge(id: string, db: Db = getDb()): Promise<boolean> {
  const at = now();
  const { count } = await db.signInChallenge.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
  });
  return count === 1;
}
