/**
 * Two-factor sign-in (tracker issue 16): TOTP by the `otpauth` library checked against RFC 6238's own
 * test vectors, secrets encrypted at rest, enrolment confirmed by a first code, ten one-time recovery
 * codes, no code accepted twice, verification throttled like passwords, a pending sign-in that is no
 * session, the "required for editors and admins" setting, and an admin's reset. Real PostgreSQL and the
 * real server actions and credentials check; only the request (next/headers), next/cache and redirect
 * are stand-ins.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TOTP } from 'otpauth';
import type { Db } from '@/lib/db/client';
import { useAppClient, actorOf } from '../helpers/app-client';
import { createUser } from '../helpers/factories';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect to ${url}`), { redirectTo: url });
  },
}));
request.headers.set('x-forwarded-for', '192.0.2.77');

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';
delete process.env.QUIRE_TOTP_KEY;

const twoFactor = await import('@/lib/auth/two-factor');
const { encryptSecret, decryptSecret } = await import('@/lib/auth/two-factor-crypto');
const { authorizeCredentials, TWO_FACTOR_REQUIRED } = await import('@/lib/auth/authorize');
const { startTwoFactorEnrolment } = await import('@/lib/accounts/two-factor');
const { confirmTwoFactorAction } = await import('@/app/(auth)/two-factor/actions');
const { resetTwoFactorAction } = await import('@/app/admin/users/actions');
const account = await import('@/app/admin/account/actions');
const { getCurrentActor, getEnrollingActor, requireActor } = await import('@/lib/auth/current-actor');
const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const { hashPassword } = await import('@/lib/auth/password');
const { updateSecuritySettings } = await import('@/lib/settings/security-settings');
const { setClock, now } = await import('@/lib/clock');

const app = useAppClient({ fresh: true });
let db: Db;
let passwordHash: string;
const PASSWORD = 'a long enough password for 2fa';
let clientNo = 0;
beforeAll(async () => {
  db = app.db;
  passwordHash = await hashPassword(PASSWORD);
});
afterEach(() => setClock(null));

const nextClient = () => `198.18.0.${++clientNo}`;
const codeAt = (secret: string, at: Date) => twoFactor.totpFor(secret).generate({ timestamp: at.getTime() });

async function signedInAs(role: 'CONTRIBUTOR' | 'EDITOR' | 'ADMIN') {
  const user = await createUser(db, role, { passwordHash });
  request.cookies.clear();
  request.cookies.set(sessionCookie().name, await encodeSessionToken(user));
  return user;
}

/** Enrols the signed-in person through the real page function and action; returns secret and codes. */
async function enrol(user: Parameters<typeof actorOf>[0]) {
  const enrolment = await startTwoFactorEnrolment(actorOf(user));
  expect(enrolment).not.toBeNull();
  const result = await confirmTwoFactorAction(null, { code: codeAt(enrolment!.secret, now()) });
  expect(result.ok).toBe(true);
  return { secret: enrolment!.secret, recoveryCodes: (result as unknown as { recoveryCodes: string[] }).recoveryCodes };
}

/** Step 1 of sign-in: the ticket next-auth's error carries, or what else came back. */
async function passwordStep(email: string, ip = nextClient()): Promise<string> {
  try {
    const user = await authorizeCredentials({ email, password: PASSWORD }, ip);
    throw new Error(`expected the second step, got ${JSON.stringify(user)}`);
  } catch (e) {
    const message = (e as Error).message;
    expect(message.startsWith(TWO_FACTOR_REQUIRED)).toBe(true);
    return message.slice(TWO_FACTOR_REQUIRED.length);
  }
}

describe('TOTP as RFC 6238 defines it', () => {
  // Appendix B: the SHA-1 seed "12345678901234567890", 8 digits, 30-second steps.
  const seed = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it('gives the RFC test vectors, and our 6-digit check accepts their last 6 digits in the same step only', () => {
    const rfc = new TOTP({ algorithm: 'SHA1', digits: 8, period: 30, secret: seed });
    for (const [seconds, code] of vectors) {
      expect(rfc.generate({ timestamp: seconds * 1000 })).toBe(code);
      const at = new Date(seconds * 1000);
      const step = Math.floor(seconds / 30);
      expect(twoFactor.matchingStep(seed, code.slice(2), at)).toBe(step);
      // One step of drift either way is accepted, two are not.
      expect(twoFactor.matchingStep(seed, code.slice(2), new Date(at.getTime() + 30_000))).toBe(step);
      expect(twoFactor.matchingStep(seed, code.slice(2), new Date(at.getTime() + 61_000))).toBeNull();
    }
  });
});

describe('secrets at rest', () => {
  it('are AES-256-GCM ciphertext bound to the account, unreadable elsewhere or when tampered with', () => {
    const secret = twoFactor.newTotpSecret();
    const stored = encryptSecret(secret, 'user-a');
    expect(stored).not.toContain(secret);
    expect(stored.startsWith('v1.')).toBe(true);
    expect(encryptSecret(secret, 'user-a')).not.toBe(stored); // a fresh IV each time
    expect(decryptSecret(stored, 'user-a')).toBe(secret);
    expect(decryptSecret(stored, 'user-b')).toBeNull();
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(decryptSecret(parts.join('.'), 'user-a')).toBeNull();
  });

  it('use QUIRE_TOTP_KEY when it is set (and then not the key derived from NEXTAUTH_SECRET)', () => {
    const derived = encryptSecret('JBSWY3DPEHPK3PXP', 'u');
    process.env.QUIRE_TOTP_KEY = Buffer.alloc(32, 9).toString('base64'); // env() re-reads a changed variable
    try {
      const explicit = encryptSecret('JBSWY3DPEHPK3PXP', 'u');
      expect(decryptSecret(explicit, 'u')).toBe('JBSWY3DPEHPK3PXP');
      expect(decryptSecret(derived, 'u')).toBeNull();
    } finally {
      delete process.env.QUIRE_TOTP_KEY;
    }
  });
});

describe('enrolling', () => {
  it('stores the secret encrypted, refuses a wrong first code next to the field, and shows ten codes once', async () => {
    const user = await signedInAs('EDITOR');
    const enrolment = (await startTwoFactorEnrolment(actorOf(user)))!;
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Quire:.+\?.*secret=/);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');
    // Reloading the page shows the same secret (an already scanned code keeps working).
    expect((await startTwoFactorEnrolment(actorOf(user)))!.secret).toBe(enrolment.secret);

    const wrong = await confirmTwoFactorAction(null, {
      code: '000000' === codeAt(enrolment.secret, now()) ? '111111' : '000000',
    });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringMatching(/did not match/)] } });
    const notDigits = await confirmTwoFactorAction(null, { code: 'abc' });
    expect(notDigits).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringMatching(/6 digits/)] } });

    const result = await confirmTwoFactorAction(null, { code: codeAt(enrolment.secret, now()) });
    expect(result.ok).toBe(true);
    const codes = (result as unknown as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpPendingSecret).toBeNull();
    expect(row.totpSecret).not.toContain(enrolment.secret);
    expect(decryptSecret(row.totpSecret!, user.id)).toBe(enrolment.secret);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.some((s) => s.codeHash === c || s.codeHash.includes(c))).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: 'account.enableTwoFactor' } })).toBe(1);
    expect(await startTwoFactorEnrolment(actorOf(user))).toBeNull();
  });
});

describe('signing in with two factors', () => {
  it('asks for a code after the right password; the step in between is no session', async () => {
    const user = await signedInAs('EDITOR');
    const { secret } = await enrol(user);
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });

    const ticket = await passwordStep(user.email);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    // The ticket is no cookie: presented as one it is nobody.
    request.cookies.set(sessionCookie().name, ticket);
    expect(await getCurrentActor()).toBeNull();
    expect(await getEnrollingActor()).toBeNull();

    // A wrong password never gets as far as a ticket.
    expect(
      await authorizeCredentials({ email: user.email, password: 'not the password at all' }, nextClient()),
    ).toBeNull();

    setClock(() => new Date(Date.now() + 30_000)); // the enrolment's code is spent; the next step's is fresh
    const signedIn = await authorizeCredentials({ challenge: ticket, code: codeAt(secret, now()) }, nextClient());
    expect(signedIn).toMatchObject({ id: user.id, sessionId: expect.any(String) });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore + 1);
    // The ticket worked once.
    expect(await authorizeCredentials({ challenge: ticket, code: codeAt(secret, now()) }, nextClient())).toBeNull();
  });

  it('never accepts a code twice, even within its 30 seconds; a later step is accepted', async () => {
    const user = await signedInAs('ADMIN');
    const { secret } = await enrol(user);
    setClock(() => new Date(Date.now() + 30_000));
    const code = codeAt(secret, now());
    const first = await passwordStep(user.email);
    expect(await authorizeCredentials({ challenge: first, code }, nextClient())).not.toBeNull();
    const second = await passwordStep(user.email);
    expect(await authorizeCredentials({ challenge: second, code }, nextClient())).toBeNull();
    // Two requests racing with one fresh code: one session between them.
    setClock(() => new Date(Date.now() + 60_000));
    const fresh = codeAt(secret, now());
    const [a, b] = [await passwordStep(user.email), await passwordStep(user.email)];
    const results = await Promise.all([
      authorizeCredentials({ challenge: a, code: fresh }, nextClient()),
      authorizeCredentials({ challenge: b, code: fresh }, nextClient()),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    // The enrolment's own code is spent too: the step it was accepted for is recorded.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep).toBe(
      Math.floor(now().getTime() / 30_000),
    );
  });

  it('accepts each recovery code once, in any case and with or without its dash', async () => {
    const user = await signedInAs('EDITOR');
    const { recoveryCodes } = await enrol(user);
    const [code] = recoveryCodes;
    const typed = code!.toUpperCase().replace('-', ' ');
    expect(
      await authorizeCredentials({ challenge: await passwordStep(user.email), code: typed }, nextClient()),
    ).not.toBeNull();
    expect(
      await authorizeCredentials({ challenge: await passwordStep(user.email), code: code! }, nextClient()),
    ).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: 'auth.recoveryCodeUsed' },
    });
    expect(event.data).toEqual({ recoveryCodesLeft: 9 });
  });

  it('throttles codes like passwords: 5 wrong ones lock the account for 15 minutes, audited once', async () => {
    const user = await signedInAs('EDITOR');
    const { secret } = await enrol(user);
    const ticket = await passwordStep(user.email);
    setClock(() => new Date(Date.now() + 30_000));
    const right = codeAt(secret, now());
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++)
      expect(await authorizeCredentials({ challenge: ticket, code: wrong }, nextClient())).toBeNull();
    for (let i = 0; i < 10; i++)
      expect(await authorizeCredentials({ challenge: ticket, code: right }, nextClient())).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { entityId: user.id, action: { startsWith: 'auth.twoFactor' } },
    });
    expect(events.filter((e) => e.action === 'auth.twoFactorFailed')).toHaveLength(5);
    expect(events.filter((e) => e.action === 'auth.twoFactorThrottled')).toHaveLength(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep).not.toBe(
      Math.floor(now().getTime() / 30_000),
    );
  });

  it('also takes e-mail, password and code in one request, as scripts do; without the code, no session', async () => {
    const user = await signedInAs('EDITOR');
    const { secret } = await enrol(user);
    setClock(() => new Date(Date.now() + 30_000));
    expect(
      await authorizeCredentials({ email: user.email, password: PASSWORD, code: codeAt(secret, now()) }, nextClient()),
    ).toMatchObject({ id: user.id });
  });
});

describe('requiring two-factor for editors and admins', () => {
  it('sends them to enrol on their next request and lets them do nothing else; contributors go on', async () => {
    const admin = await createUser(db, 'ADMIN');
    const contributor = await signedInAs('CONTRIBUTOR');
    const contributorCookie = request.cookies.get(sessionCookie().name)!;
    const editor = await signedInAs('EDITOR');
    expect(await getCurrentActor()).toMatchObject({ id: editor.id });

    await updateSecuritySettings(actorOf(admin), { requireTwoFactor: true });
    try {
      expect(await getCurrentActor()).toBeNull();
      expect(await getEnrollingActor()).toMatchObject({ actor: { id: editor.id }, mustEnrolTwoFactor: true });
      await expect(requireActor()).rejects.toMatchObject({ redirectTo: '/two-factor' });
      expect(await account.updateProfileAction(null, { name: 'Sneaky rename' })).toMatchObject({
        ok: false,
        code: 'unauthenticated',
      });
      expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).name).not.toBe('Sneaky rename');

      await enrol(editor);
      expect(await getCurrentActor()).toMatchObject({ id: editor.id });

      request.cookies.set(sessionCookie().name, contributorCookie);
      expect(await getCurrentActor()).toMatchObject({ id: contributor.id });
    } finally {
      await updateSecuritySettings(actorOf(admin), { requireTwoFactor: false });
    }
  });
});

describe("an admin resets someone's second factor", () => {
  it('clears it, ends their sessions and records it; nobody else may', async () => {
    const target = await signedInAs('EDITOR');
    const targetCookie = request.cookies.get(sessionCookie().name)!;
    await enrol(target);
    await signedInAs('EDITOR');
    expect(await resetTwoFactorAction(null, { userId: target.id })).toMatchObject({ ok: false, code: 'not-found' });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).totpEnabledAt).not.toBeNull();

    const admin = await signedInAs('ADMIN');
    expect(await resetTwoFactorAction(null, { userId: target.id })).toMatchObject({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row).toMatchObject({ totpEnabledAt: null, totpSecret: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: target.id } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: target.id, action: 'user.resetTwoFactor' },
    });
    expect(event).toMatchObject({ actorId: admin.id, data: { wasEnabled: true, sessionsEnded: 1 } });
    request.cookies.set(sessionCookie().name, targetCookie);
    expect(await getCurrentActor()).toBeNull();
    // Signing in is one step again.
    expect(await authorizeCredentials({ email: target.email, password: PASSWORD }, nextClient())).toMatchObject({
      id: target.id,
    });
  });
});
