import 'server-only';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { recordEvent } from '@/lib/audit/record-event';

/**
 * Checking an e-mail and password, with throttling of failures kept in PostgreSQL (so the limits
 * hold across app instances):
 *
 * - per account (the e-mail as typed, lower-cased, whether or not such an account exists):
 *   5 failures within 15 minutes, and the account is refused for 15 minutes;
 * - per client address: 50 failures within 15 minutes, and the address is refused for 15 minutes.
 *   Higher, because an office or a university shares one address behind NAT; 50 still stops one
 *   machine from spraying passwords over many accounts.
 *
 * Every refusal, whatever its cause (unknown e-mail, wrong password, invited or deactivated account,
 * throttled), looks the same to the caller, with one exception: the right password of a deactivated
 * account is answered 'deactivated', so its owner learns why they cannot sign in. Only someone who
 * knows the password learns that; to anyone else a deactivated account looks like every other refusal. A failure is recorded *before* the password is checked
 * and removed if the password was right, so parallel guesses cannot all slip in before the count:
 * attempts that find themselves past the limit are refused unchecked, and lock as well.
 *
 * Audit: every checked attempt writes one row (auth.signIn or auth.signInFailed); a lock writes one
 * auth.signInThrottled when it is taken; attempts refused by a lock already in place write nothing.
 */
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 50;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

export type SignedInUser = { id: string; name: string; email: string; sessionVersion: number };
export type SignInResult =
  { ok: true; user: SignedInUser } | { ok: false; reason: 'invalid' | 'throttled' | 'deactivated' };

export const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, 320);

// Checked when there is no password to compare with, so an unknown e-mail costs as long as a known one.
let dummyHash: Promise<string> | undefined;
const timingDummy = () => (dummyHash ??= hashPassword('a password that no account has, used only for timing'));

/**
 * `purpose: 'confirm'` checks the password of someone already signed in (changing their password):
 * the same throttling applies, but success is neither audited as a sign-in nor recorded as one.
 */
export async function authenticate(
  input: { email: string; password: string; ip: string | null; purpose?: 'signIn' | 'confirm' },
  db: Db = getDb(),
): Promise<SignInResult> {
  const purpose = input.purpose ?? 'signIn';
  const email = normaliseEmail(input.email);
  const now = new Date();
  const keys = [
    { scope: 'ACCOUNT' as const, key: email },
    ...(input.ip ? [{ scope: 'ADDRESS' as const, key: input.ip }] : []),
  ];

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, status: true, passwordHash: true, sessionVersion: true },
  });
  const audit = (action: string, reason?: string) =>
    recordEvent(db, {
      actorId: action === 'auth.signIn' && user ? user.id : null,
      action,
      entityType: user ? 'User' : 'SignIn',
      entityId: user ? user.id : email,
      ip: input.ip,
      data: { email, purpose, ...(reason ? { reason } : {}) },
    });

  const lock = await db.signInLock.findFirst({
    where: { OR: keys, lockedUntil: { gt: now } },
    select: { scope: true },
  });
  // Refused unchecked and unrecorded: the lock was audited once, when it was taken (below), so a
  // burst of anonymous requests against a lock cannot grow the append-only audit log.
  if (lock) return { ok: false, reason: 'throttled' };

  // Count this attempt as a failure until the password proves otherwise.
  const reserved = await db.signInFailure.createManyAndReturn({
    data: keys.map((k) => ({ ...k, createdAt: now })),
    select: { id: true },
  });
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const [accountFailures = 0, addressFailures = 0] = await Promise.all(
    keys.map((k) => db.signInFailure.count({ where: { scope: k.scope, key: k.key, createdAt: { gt: since } } })),
  );
  const release = () => db.signInFailure.deleteMany({ where: { id: { in: reserved.map((r) => r.id) } } });

  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  const limits = {
    ACCOUNT: [accountFailures, ACCOUNT_FAILURE_LIMIT],
    ADDRESS: [addressFailures, ADDRESS_FAILURE_LIMIT],
  } as const;
  // Takes the lock for each key past its limit, and audits each lock once: only the statement that
  // created it (or renewed an expired one) gets a row back, so attempts racing past the limit together
  // record one 'auth.signInThrottled' between them.
  const lockWhere = async (reached: (count: number, limit: number) => boolean) => {
    const taken = await Promise.all(
      keys
        .filter((k) => reached(limits[k.scope][0], limits[k.scope][1]))
        .map(
          (k) => db.$queryRaw<{ scope: string }[]>`
            INSERT INTO "SignInLock" ("scope", "key", "lockedUntil")
            VALUES (${k.scope}::"ThrottleScope", ${k.key}, ${lockedUntil})
            ON CONFLICT ("scope", "key") DO UPDATE SET "lockedUntil" = EXCLUDED."lockedUntil"
              WHERE "SignInLock"."lockedUntil" <= ${now}
            RETURNING "scope"::text AS "scope"`,
        ),
    );
    return taken.flat().map((row) => row.scope);
  };
  const auditLocks = async (scopes: string[]) => {
    for (const scope of scopes)
      await audit('auth.signInThrottled', scope === 'ACCOUNT' ? 'account locked' : 'address locked');
  };

  if (accountFailures > ACCOUNT_FAILURE_LIMIT || addressFailures > ADDRESS_FAILURE_LIMIT) {
    // Attempts racing each other past the limit: none of them gets its password checked.
    await release();
    await auditLocks(await lockWhere((count, limit) => count > limit));
    return { ok: false, reason: 'throttled' };
  }

  const canSignIn = user !== null && user.status === 'ACTIVE' && user.passwordHash !== null;
  const wasActive = user !== null && user.status === 'DEACTIVATED' && user.passwordHash !== null;
  const passwordOk = await verifyPassword(
    canSignIn || wasActive ? user!.passwordHash! : await timingDummy(),
    input.password,
  );

  if (wasActive && passwordOk && purpose === 'signIn') {
    // The owner, by their password: tell them why (and count nothing against the address).
    await release();
    await audit('auth.signInFailed', 'account deactivated');
    return { ok: false, reason: 'deactivated' };
  }

  if (canSignIn && passwordOk) {
    await release();
    await db.signInFailure.deleteMany({ where: { scope: 'ACCOUNT', key: email } });
    if (purpose === 'signIn') {
      await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
      await audit('auth.signIn');
    }
    return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
  }

  const locked = await lockWhere((count, limit) => count >= limit);
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - PRUNE_AFTER_MS) } } });
  await db.signInLock.deleteMany({ where: { lockedUntil: { lt: now } } });
  await audit(
    'auth.signInFailed',
    !user ? 'no such account' : user.status !== 'ACTIVE' ? `account ${user.status.toLowerCase()}` : 'wrong password',
  );
  await auditLocks(locked);
  return { ok: false, reason: 'invalid' };
}
