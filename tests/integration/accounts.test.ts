import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import type { Actor } from '@/lib/authz/policy';
import { freshDatabase } from '../helpers/db';
import { createUser } from '../helpers/factories';
import { changeUserRole } from '@/lib/accounts/change-user-role';
import { deactivateUser } from '@/lib/accounts/deactivate-user';
import { reactivateUser } from '@/lib/accounts/reactivate-user';
import { inviteUser } from '@/lib/accounts/invite-user';
import { resendInvitation } from '@/lib/accounts/resend-invitation';
import { issuePasswordReset } from '@/lib/accounts/issue-password-reset';
import { setPasswordWithToken } from '@/lib/accounts/set-password-with-token';
import { findPasswordToken } from '@/lib/accounts/find-password-token';
import { hashToken } from '@/lib/accounts/account-tokens';
import { verifyPassword } from '@/lib/auth/password';

// A database of its own, so the number of active admins is what each test makes it.
let db: Db;
const holder = globalThis as unknown as { quireDb?: Db };
beforeAll(async () => {
  delete process.env.SMTP_HOST;
  process.env.NEXTAUTH_URL = 'https://bulletin.example.org';
  db = createDb(await freshDatabase());
  holder.quireDb = db;
});
afterAll(async () => {
  delete holder.quireDb;
  await db.$disconnect();
});

const asActor = (u: {
  id: string;
  role: 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR';
  status: 'ACTIVE' | 'INVITED' | 'DEACTIVATED';
}): Actor => ({ id: u.id, role: u.role, status: u.status });
const settle = async (ps: Promise<unknown>[]) =>
  (await Promise.allSettled(ps)).map((r) =>
    r.status === 'fulfilled' ? 'ok' : ((r.reason as { code?: string }).code ?? String(r.reason)),
  );
const activeAdmins = () => db.user.count({ where: { role: 'ADMIN', status: 'ACTIVE' } });
const lastLink = async (to: string) => {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: 'desc' } });
  return /https:\/\/bulletin\.example\.org\/set-password\?token=([\w-]+)/.exec(mail.text)![1]!;
};

describe('the last active admin', () => {
  it('survives two admins demoting or deactivating each other at the same moment', async () => {
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { role: 'EDITOR' } });
    const a = await createUser(db, 'ADMIN');
    const b = await createUser(db, 'ADMIN');
    const outcome = await settle([
      changeUserRole({ actor: asActor(a), ip: null, userId: b.id, role: 'EDITOR' }),
      deactivateUser({ actor: asActor(b), ip: null, userId: a.id }),
    ]);
    expect(outcome.sort()).toEqual(['NOT_ALLOWED', 'ok']);
    expect(await activeAdmins()).toBe(1);
  });
});

describe('invitations and one-time links', () => {
  it('invite: an invited account, a 7-day link in the outbox, only its hash stored, and an audit event', async () => {
    const admin = await createUser(db, 'ADMIN');
    const email = `invitee-${Date.now()}@example.test`;
    const { userId } = await inviteUser({
      actor: asActor(admin),
      ip: '203.0.113.9',
      name: 'Ines',
      email,
      role: 'CONTRIBUTOR',
    });
    const token = await lastLink(email);
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(Math.round((stored.expiresAt.getTime() - Date.now()) / 3_600_000)).toBe(7 * 24);
    expect(await findPasswordToken(token)).toMatchObject({ purpose: 'INVITATION', email });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: userId, action: 'user.invite' } });
    expect(event).toMatchObject({ actorId: admin.id, ip: '203.0.113.9', toState: 'INVITED' });
  });

  it('a link works exactly once, even when used twice at the same moment', async () => {
    const admin = await createUser(db, 'ADMIN');
    const email = `once-${Date.now()}@example.test`;
    const { userId } = await inviteUser({ actor: asActor(admin), ip: null, name: 'Olga', email, role: 'EDITOR' });
    const token = await lastLink(email);
    const outcome = await settle([
      setPasswordWithToken({ token, password: 'first password of olga', ip: null }),
      setPasswordWithToken({ token, password: 'second password of olga', ip: null }),
    ]);
    expect(outcome.sort()).toEqual(['CONFLICT', 'ok']);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.status).toBe('ACTIVE');
    expect(user.sessionVersion).toBe(1);
    expect(
      (await verifyPassword(user.passwordHash!, 'first password of olga')) !==
        (await verifyPassword(user.passwordHash!, 'second password of olga')),
    ).toBe(true);
    expect(await findPasswordToken(token)).toBeNull();
  });

  it('resending replaces the earlier link; an expired link is refused', async () => {
    const admin = await createUser(db, 'ADMIN');
    const email = `resend-${Date.now()}@example.test`;
    const { userId } = await inviteUser({ actor: asActor(admin), ip: null, name: 'Rosa', email, role: 'EDITOR' });
    const first = await lastLink(email);
    await new Promise((r) => setTimeout(r, 5));
    await resendInvitation({ actor: asActor(admin), ip: null, userId });
    const second = await lastLink(email);
    expect(second).not.toBe(first);
    await expect(
      setPasswordWithToken({ token: first, password: 'rosa has a password now', ip: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await db.accountToken.updateMany({
      where: { tokenHash: hashToken(second) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findPasswordToken(second)).toBeNull();
    await expect(
      setPasswordWithToken({ token: second, password: 'rosa has a password now', ip: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).status).toBe('INVITED');
  });

  it('a reset link: the old password works until it is used; using it ends sessions and lifts a sign-in lock', async () => {
    const admin = await createUser(db, 'ADMIN');
    const person = await createUser(db, 'EDITOR', { passwordHash: 'x' });
    await issuePasswordReset({ actor: asActor(admin), ip: null, userId: person.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).sessionVersion).toBe(0);
    await db.signInLock.create({
      data: { scope: 'ACCOUNT', key: person.email, lockedUntil: new Date(Date.now() + 600_000) },
    });
    const token = await lastLink(person.email);
    expect(await findPasswordToken(token)).toMatchObject({ purpose: 'PASSWORD_RESET' });
    await setPasswordWithToken({ token, password: 'a fresh start for edith', ip: '203.0.113.5' });
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.sessionVersion).toBe(1);
    expect(await verifyPassword(after.passwordHash!, 'a fresh start for edith')).toBe(true);
    expect(
      await db.signInLock.findUnique({ where: { scope_key: { scope: 'ACCOUNT', key: person.email } } }),
    ).toBeNull();
    expect(
      await db.auditEvent.findFirst({ where: { entityId: person.id, action: 'user.resetPassword' } }),
    ).toMatchObject({ actorId: person.id, ip: '203.0.113.5' });
  });
});

describe('deactivation', () => {
  it('ends sessions and closes open links; reactivation does not bring old sessions back', async () => {
    const admin = await createUser(db, 'ADMIN');
    const person = await createUser(db, 'CONTRIBUTOR', { passwordHash: 'x' });
    await issuePasswordReset({ actor: asActor(admin), ip: null, userId: person.id });
    const token = await lastLink(person.email);
    await deactivateUser({ actor: asActor(admin), ip: null, userId: person.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      status: 'DEACTIVATED',
      sessionVersion: 1,
    });
    expect(await findPasswordToken(token)).toBeNull();
    await reactivateUser({ actor: asActor(admin), ip: null, userId: person.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      status: 'ACTIVE',
      sessionVersion: 1,
    });
    const actions = (await db.auditEvent.findMany({ where: { entityId: person.id }, orderBy: { id: 'asc' } })).map(
      (e) => [e.action, e.fromState, e.toState],
    );
    expect(actions).toEqual([
      ['user.issuePasswordReset', null, null],
      ['user.deactivate', 'ACTIVE', 'DEACTIVATED'],
      ['user.reactivate', 'DEACTIVATED', 'ACTIVE'],
    ]);
  });
});
