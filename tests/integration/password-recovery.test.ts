/**
 * "Forgot your password?" (tracker issue 16): the same answer for every address, throttles per client
 * and per address kept in PostgreSQL, a one-time link valid 1 hour (only its hash stored) sent through
 * the outbox, and using it sets the password under the usual rules and ends every session. Through the
 * real server actions; only the request (next/headers), next/cache and redirect are stand-ins.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { useAppClient } from '../helpers/app-client';
import { createUser } from '../helpers/factories';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect to ${url}`), { redirectTo: url });
  },
}));

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';
delete process.env.SMTP_HOST;

const { requestPasswordRecoveryAction } = await import('@/app/(auth)/forgot-password/actions');
const { setPasswordAction } = await import('@/app/(auth)/set-password/actions');
const { RECOVERY_ANSWER, RECOVERY_CLIENT_THROTTLED, RECOVERY_PER_ADDRESS, RECOVERY_PER_CLIENT } =
  await import('@/lib/accounts/request-password-recovery');
const { hashToken } = await import('@/lib/accounts/account-tokens');
const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const { getCurrentActor } = await import('@/lib/auth/current-actor');
const { authenticate } = await import('@/lib/auth/sign-in');
const { hashPassword } = await import('@/lib/auth/password');
const { setClock } = await import('@/lib/clock');

const app = useAppClient({ fresh: true });
let db: Db;
let clientNo = 0;
beforeAll(() => {
  db = app.db;
});
afterEach(() => setClock(null));

/** Each test asks from its own client address, so the per-client limit of one does not reach another. */
function fromNewClient() {
  clientNo += 1;
  request.headers.set('x-forwarded-for', `203.0.113.${clientNo}`);
}

const ask = (email: string) => requestPasswordRecoveryAction(null, { email });

async function mailsTo(email: string) {
  return db.outboxMessage.findMany({ where: { to: email }, orderBy: { createdAt: 'asc' } });
}
const linkIn = (text: string) => {
  const match = /https?:\/\/\S+\/set-password\?token=([A-Za-z0-9_-]+)/.exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
};

const OLD_PASSWORD = 'the old password, long enough';
const NEW_PASSWORD = 'a brand new passphrase for quire';

async function person(status: 'ACTIVE' | 'INVITED' | 'DEACTIVATED' = 'ACTIVE') {
  return createUser(db, 'EDITOR', { status, passwordHash: await hashPassword(OLD_PASSWORD) });
}

describe('asking for a link', () => {
  it('gives the same answer for an account, no account, an invited and a deactivated one; mails only the account', async () => {
    fromNewClient();
    const active = await person();
    const invited = await person('INVITED');
    const deactivated = await person('DEACTIVATED');
    const nobody = `nobody-${Date.now()}@example.test`;
    const answers = [];
    for (const email of [active.email, nobody, invited.email, deactivated.email]) answers.push(await ask(email));
    for (const a of answers) expect(a).toEqual({ ok: true, message: RECOVERY_ANSWER });

    expect(await mailsTo(nobody)).toHaveLength(0);
    expect(await mailsTo(invited.email)).toHaveLength(0);
    expect(await mailsTo(deactivated.email)).toHaveLength(0);
    const [mail] = await mailsTo(active.email);
    expect(mail).toMatchObject({ status: 'KEPT', subject: 'Your Quire password link' });

    // Only the hash is stored, and the link works for one hour.
    const token = linkIn(mail!.text);
    expect(await db.accountToken.count({ where: { tokenHash: token } })).toBe(0);
    const row = await db.accountToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row).toMatchObject({ userId: active.id, purpose: 'PASSWORD_RESET', createdById: null });
    const minutes = (row.expiresAt.getTime() - row.createdAt.getTime()) / 60_000;
    expect(minutes).toBe(60);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.requestPasswordRecovery' } });
    expect(event).toMatchObject({ entityId: active.id, actorId: null, ip: `203.0.113.${clientNo}` });
  });

  it('refuses an address that is not one, next to the field, keeping what was typed', async () => {
    fromNewClient();
    const result = await ask('not an address');
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: ['Enter an e-mail address like name@example.org.'] },
    });
    expect(result.ok === false && result.values.email).toBe('not an address');
  });

  it(`sends at most ${RECOVERY_PER_ADDRESS.limit} links an hour to one address, silently; a newer link replaces the older`, async () => {
    const user = await person();
    for (let i = 0; i < RECOVERY_PER_ADDRESS.limit + 3; i++) {
      fromNewClient();
      expect(await ask(user.email.toUpperCase())).toEqual({ ok: true, message: RECOVERY_ANSWER });
    }
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(RECOVERY_PER_ADDRESS.limit);
    const open = await db.accountToken.findMany({ where: { userId: user.id, usedAt: null, revokedAt: null } });
    expect(open).toHaveLength(1);
    expect(open[0]!.tokenHash).toBe(hashToken(linkIn(mails.at(-1)!.text)));
  });

  it(`refuses a client after ${RECOVERY_PER_CLIENT.limit} requests an hour, whatever the addresses, saying so`, async () => {
    fromNewClient();
    const user = await person();
    for (let i = 0; i < RECOVERY_PER_CLIENT.limit; i++) await ask(`spray-${i}-${Date.now()}@example.test`);
    const refused = await ask(user.email);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { email: [RECOVERY_CLIENT_THROTTLED] } });
    expect(await mailsTo(user.email)).toHaveLength(0);
    fromNewClient();
    expect(await ask(user.email)).toEqual({ ok: true, message: RECOVERY_ANSWER });
    expect(await mailsTo(user.email)).toHaveLength(1);
    const counters = await db.rateLimitCounter.findMany({ where: { key: { contains: user.email } } });
    expect(counters).toHaveLength(0); // keys are hashes, never the address
  });
});

describe('using the link', () => {
  async function linkFor(email: string) {
    fromNewClient();
    await ask(email);
    return linkIn((await mailsTo(email)).at(-1)!.text);
  }
  const setPassword = async (token: string, password: string, confirmPassword = password) => {
    try {
      return await setPasswordAction(null, { token, password, confirmPassword });
    } catch (e) {
      const to = (e as { redirectTo?: string }).redirectTo;
      if (!to) throw e;
      return { redirectTo: to };
    }
  };

  it('sets the new password under the usual rules, works once, and ends every session of the person', async () => {
    const user = await person();
    const laptop = await encodeSessionToken(user);
    const phone = await encodeSessionToken(user);
    const token = await linkFor(user.email);

    // A refused password keeps the link usable.
    expect(await setPassword(token, 'password1234')).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.stringMatching(/too common/)] },
    });
    expect(await setPassword(token, NEW_PASSWORD, 'something else')).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ['The two passwords differ.'] },
    });
    expect(await setPassword(token, NEW_PASSWORD)).toEqual({ redirectTo: '/login?passwordSet=1' });

    for (const cookie of [laptop, phone]) {
      request.cookies.set(sessionCookie().name, cookie);
      expect(await getCurrentActor()).toBeNull();
    }
    request.cookies.clear();
    expect((await authenticate({ email: user.email, password: OLD_PASSWORD, ip: null })).ok).toBe(false);
    expect((await authenticate({ email: user.email, password: NEW_PASSWORD, ip: null })).ok).toBe(true);
    const ended = await db.session.findMany({ where: { userId: user.id } });
    expect(ended.map((s) => s.endReason)).toEqual(['passwordReset', 'passwordReset']);

    expect(await setPassword(token, 'yet another passphrase here')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired or has already been used/),
    });
  });

  it('stops working after 1 hour', async () => {
    const user = await person();
    const token = await linkFor(user.email);
    setClock(() => new Date(Date.now() + 61 * 60_000));
    expect(await setPassword(token, NEW_PASSWORD)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired/),
    });
    setClock(null);
    expect((await authenticate({ email: user.email, password: OLD_PASSWORD, ip: null })).ok).toBe(true);
  });
});
