import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, authenticate } from '@/lib/auth/sign-in';
import { freshDatabase } from '../helpers/db';
import { createUser } from '../helpers/factories';

// Its own database: the per-address counts must not meet other files' attempts.
let db: Db;
let passwordHash: string;
const PASSWORD = 'the right password, long enough';
const ip = (n: number) => `198.51.100.${n}`;

beforeAll(async () => {
  db = createDb(await freshDatabase());
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await db.$disconnect();
});

const account = (status: 'ACTIVE' | 'INVITED' | 'DEACTIVATED' = 'ACTIVE') =>
  createUser(db, 'EDITOR', { status, passwordHash: status === 'INVITED' ? undefined : passwordHash });

describe('signing in', () => {
  it('succeeds with the right password: records the sign-in and its address', async () => {
    const user = await account();
    const result = await authenticate({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD, ip: ip(1) }, db);
    expect(result).toEqual({ ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: 0 } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    expect(event).toMatchObject({ action: 'auth.signIn', actorId: user.id, entityType: 'User', ip: ip(1) });
  });

  it('answers the same for an unknown e-mail, a wrong password, an invited and a deactivated account', async () => {
    const active = await account();
    const invited = await account('INVITED');
    const deactivated = await account('DEACTIVATED');
    const attempts = [
      { email: `nobody-${active.email}`, password: PASSWORD },
      { email: active.email, password: 'wrong password entirely' },
      { email: invited.email, password: PASSWORD },
      { email: deactivated.email, password: 'wrong password entirely' },
    ];
    for (const a of attempts)
      expect(await authenticate({ ...a, ip: ip(2) }, db)).toEqual({ ok: false, reason: 'invalid' });
    const failures = await db.auditEvent.findMany({
      where: { action: 'auth.signInFailed', ip: ip(2) },
      orderBy: { id: 'asc' },
    });
    expect(failures.map((f) => [f.entityType, f.actorId])).toEqual([
      ['SignIn', null],
      ['User', null],
      ['User', null],
      ['User', null],
    ]);
  });

  it("tells a deactivated account's owner why, but only with its right password", async () => {
    const deactivated = await account('DEACTIVATED');
    expect(await authenticate({ email: deactivated.email, password: PASSWORD, ip: ip(3) }, db)).toEqual({
      ok: false,
      reason: 'deactivated',
    });
    expect(await authenticate({ email: deactivated.email, password: 'not the password', ip: ip(3) }, db)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const events = await db.auditEvent.findMany({ where: { entityId: deactivated.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, (e.data as { reason?: string }).reason])).toEqual([
      ['auth.signInFailed', 'account deactivated'],
      ['auth.signInFailed', 'account deactivated'],
    ]);
  });
});

describe('throttling', () => {
  it(`refuses an account for 15 minutes after ${ACCOUNT_FAILURE_LIMIT} failures, even with the right password`, async () => {
    const user = await account();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect(await authenticate({ email: user.email, password: `wrong ${i}`, ip: ip(10 + i) }, db)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    expect(await authenticate({ email: user.email, password: PASSWORD, ip: ip(20) }, db)).toEqual({
      ok: false,
      reason: 'throttled',
    });
    const lock = await db.signInLock.findUniqueOrThrow({ where: { scope_key: { scope: 'ACCOUNT', key: user.email } } });
    expect(lock.lockedUntil.getTime() - Date.now()).toBeGreaterThan(14.9 * 60_000);

    // Fifteen minutes later (moved back in time rather than waited for):
    await db.signInLock.update({
      where: { scope_key: { scope: 'ACCOUNT', key: user.email } },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    await db.signInFailure.updateMany({
      where: { key: user.email },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    expect((await authenticate({ email: user.email, password: PASSWORD, ip: ip(20) }, db)).ok).toBe(true);
  });

  it('also throttles e-mail addresses without an account, so throttling tells nothing', async () => {
    const email = `nobody-${Date.now()}@example.test`;
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await authenticate({ email, password: 'x', ip: ip(30) }, db);
    expect(await authenticate({ email, password: 'x', ip: ip(31) }, db)).toEqual({ ok: false, reason: 'throttled' });
  });

  it('counts failures within 15 minutes only, and a success clears the account’s count', async () => {
    const user = await account();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++)
      await authenticate({ email: user.email, password: 'wrong', ip: ip(40) }, db);
    expect((await authenticate({ email: user.email, password: PASSWORD, ip: ip(40) }, db)).ok).toBe(true);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++)
      await authenticate({ email: user.email, password: 'wrong', ip: ip(40) }, db);
    expect((await authenticate({ email: user.email, password: PASSWORD, ip: ip(40) }, db)).ok).toBe(true);

    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++)
      await authenticate({ email: user.email, password: 'wrong', ip: ip(41) }, db);
    await db.signInFailure.updateMany({
      where: { key: user.email },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    await authenticate({ email: user.email, password: 'wrong', ip: ip(41) }, db);
    expect((await authenticate({ email: user.email, password: PASSWORD, ip: ip(41) }, db)).ok).toBe(true);
  });

  it(`refuses a client address after ${ADDRESS_FAILURE_LIMIT} failures over any accounts; other addresses go on`, async () => {
    const address = ip(99);
    const user = await account();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
      expect(
        (await authenticate({ email: `spray-${i}-${Date.now()}@example.test`, password: 'x', ip: address }, db)).ok,
      ).toBe(false);
    }
    expect(await authenticate({ email: user.email, password: PASSWORD, ip: address }, db)).toEqual({
      ok: false,
      reason: 'throttled',
    });
    expect((await authenticate({ email: user.email, password: PASSWORD, ip: ip(98) }, db)).ok).toBe(true);
    expect(await db.signInLock.findUnique({ where: { scope_key: { scope: 'ADDRESS', key: address } } })).not.toBeNull();
  });

  it('lets no more than the limit of parallel guesses be checked', async () => {
    const user = await account();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => authenticate({ email: user.email, password: `guess ${i}`, ip: ip(50) }, db)),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
    expect(await authenticate({ email: user.email, password: PASSWORD, ip: ip(51) }, db)).toEqual({
      ok: false,
      reason: 'throttled',
    });
  });
});

describe('the audit log under a throttled burst (tracker issue 13, defect 5)', () => {
  const actions = async (entityId: string) =>
    (await db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } })).map((e) => e.action);

  it('records a lock once, however many requests hit it afterwards', async () => {
    const user = await account();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++)
      await authenticate({ email: user.email, password: `wrong ${i}`, ip: ip(60) }, db);
    for (let i = 0; i < 25; i++) await authenticate({ email: user.email, password: PASSWORD, ip: ip(61) }, db);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => authenticate({ email: user.email, password: `burst ${i}`, ip: ip(62) }, db)),
    );
    expect(await actions(user.id)).toEqual([
      ...Array<string>(ACCOUNT_FAILURE_LIMIT).fill('auth.signInFailed'),
      'auth.signInThrottled',
    ]);
  });

  it('records one lock between parallel guesses racing past the limit', async () => {
    const email = `race-${Date.now()}@example.test`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => authenticate({ email, password: `guess ${i}`, ip: ip(70) }, db)),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const all = await actions(email);
    expect(all.filter((a) => a === 'auth.signInThrottled')).toHaveLength(1);
    expect(all.filter((a) => a === 'auth.signInFailed').length).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
  });

  it('records a new lock once the old one has run out', async () => {
    const user = await account();
    const fail = (n: number) => authenticate({ email: user.email, password: `wrong ${n}`, ip: ip(80) }, db);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await fail(i);
    await fail(99);
    // The lock ran out and its failures aged (moved back in time rather than waited for).
    await db.signInLock.updateMany({ where: { key: user.email }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await db.signInFailure.updateMany({
      where: { key: user.email },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await fail(i);
    expect((await actions(user.id)).filter((a) => a === 'auth.signInThrottled')).toHaveLength(2);
  });
});
