/**
 * The account half of the policy matrix again, this time through the real server actions
 * (app/admin/users/actions.ts, app/admin/account/actions.ts) with real session tokens, encoded exactly
 * as next-auth issues them and read back by getCurrentActor from the database. A server action that
 * forgot its check, or a domain function that skipped the policy, fails here even when
 * lib/authz/policy.ts is right. Only next/headers (the request) and next/cache are stand-ins.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role, UserStatus } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/client';
import { useAppClient } from '../helpers/app-client';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
request.headers.set('x-forwarded-for', '192.0.2.10');

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';
delete process.env.SMTP_HOST;

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const users = await import('@/app/admin/users/actions');
const account = await import('@/app/admin/account/actions');

const app = useAppClient({ fresh: true });
let db: Db;
let seq = 0;

beforeAll(() => {
  db = app.db;
});

async function makeUser(role: Role, status: UserStatus = 'ACTIVE') {
  seq += 1;
  return db.user.create({
    data: { email: `u${seq}-${Date.now()}@example.test`, name: `Person ${seq}`, role, status },
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true },
  });
}

// People, as the request presents them.
type Person = 'anonymous' | 'contributor' | 'editor' | 'admin' | 'deactivated' | 'endedSession' | 'forged';
const PEOPLE: Person[] = ['anonymous', 'contributor', 'editor', 'admin', 'deactivated', 'endedSession', 'forged'];
const sessions: Partial<Record<Person, { id: string; token: string }>> = {};

async function sessionFor(person: Person): Promise<{ id: string; token: string } | undefined> {
  if (person === 'anonymous') return undefined;
  if (sessions[person]) return sessions[person];
  const role: Role = person === 'contributor' ? 'CONTRIBUTOR' : person === 'editor' ? 'EDITOR' : 'ADMIN';
  const user = await makeUser(role);
  let token = await encodeSessionToken(user);
  if (person === 'deactivated')
    await db.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } } });
  if (person === 'endedSession')
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  if (person === 'forged') {
    const real = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = 'not-the-server-secret-at-all-000000';
    token = await encodeSessionToken(user);
    process.env.NEXTAUTH_SECRET = real;
  }
  sessions[person] = { id: user.id, token };
  return sessions[person];
}

async function actAs(person: Person) {
  request.cookies.clear();
  const s = await sessionFor(person);
  if (s) request.cookies.set(sessionCookie().name, s.token);
  return s?.id;
}

// Targets, fresh for every cell (the actions change them).
type Target = 'self' | 'contributor' | 'editor' | 'admin' | 'invited' | 'deactivated';
const TARGETS: Target[] = ['self', 'contributor', 'editor', 'admin', 'invited', 'deactivated'];

async function targetId(kind: Target, selfId: string | undefined): Promise<string> {
  if (kind === 'self') return selfId ?? (await makeUser('CONTRIBUTOR')).id;
  const role: Role =
    kind === 'editor' || kind === 'invited' || kind === 'deactivated'
      ? 'EDITOR'
      : kind === 'admin'
        ? 'ADMIN'
        : 'CONTRIBUTOR';
  const status: UserStatus = kind === 'invited' ? 'INVITED' : kind === 'deactivated' ? 'DEACTIVATED' : 'ACTIVE';
  const user = await makeUser(role, status);
  if (kind === 'invited') {
    await db.accountToken.create({
      data: {
        userId: user.id,
        purpose: 'INVITATION',
        tokenHash: `hash-${user.id}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
  }
  return user.id;
}

type Action = (prev: unknown, input: Record<string, unknown>) => Promise<{ ok: boolean; code?: string }>;
const actions: Record<string, { run: Action; input: (userId: string) => Record<string, unknown> }> = {
  changeRoleToContributor: { run: users.changeRoleAction, input: (userId) => ({ userId, role: 'CONTRIBUTOR' }) },
  changeRoleToAdmin: { run: users.changeRoleAction, input: (userId) => ({ userId, role: 'ADMIN' }) },
  deactivate: { run: users.deactivateUserAction, input: (userId) => ({ userId }) },
  reactivate: { run: users.reactivateUserAction, input: (userId) => ({ userId }) },
  resendInvitation: { run: users.resendInvitationAction, input: (userId) => ({ userId }) },
  revokeInvitation: { run: users.revokeInvitationAction, input: (userId) => ({ userId }) },
  issuePasswordReset: { run: users.issuePasswordResetAction, input: (userId) => ({ userId }) },
  resetTwoFactor: { run: users.resetTwoFactorAction, input: (userId) => ({ userId }) },
};

// A ok, S ok but nothing to change (already that role), D not allowed, N not found, U unauthenticated.
// Columns follow TARGETS:
//   self contributor editor admin invited deactivated
const signedInOnly: Record<'anonymous' | 'deactivated' | 'endedSession' | 'forged', string> = {
  anonymous: 'UUUUUU',
  deactivated: 'UUUUUU',
  endedSession: 'UUUUUU',
  forged: 'UUUUUU',
};
const table: Record<keyof typeof actions, Record<Person, string>> = {
  changeRoleToContributor: { ...signedInOnly, contributor: 'DNNNNN', editor: 'DNNNNN', admin: 'DSAAAD' },
  changeRoleToAdmin: { ...signedInOnly, contributor: 'DNNNNN', editor: 'DNNNNN', admin: 'DAASAD' },
  deactivate: { ...signedInOnly, contributor: 'DNNNNN', editor: 'DNNNNN', admin: 'DAAADD' },
  reactivate: { ...signedInOnly, contributor: 'DNNNNN', editor: 'DNNNNN', admin: 'DDDDDA' },
  resendInvitation: { ...signedInOnly, contributor: 'DNNNNN', editor: 'DNNNNN', admin: 'DDDDAD' },
  revokeInvitation: { ...signedInOnly, contributor: 'DNNNNN', editor: 'DNNNNN', admin: 'DDDDAD' },
  issuePasswordReset: { ...signedInOnly, contributor: 'DNNNNN', editor: 'DNNNNN', admin: 'DAAADD' },
  resetTwoFactor: { ...signedInOnly, contributor: 'DNNNNN', editor: 'DNNNNN', admin: 'DAAADD' },
};
const outcome: Record<string, string> = { A: 'ok', S: 'ok', D: 'not-allowed', N: 'not-found', U: 'unauthenticated' };

const snapshot = async (id: string) => ({
  user: await db.user.findUnique({
    where: { id },
    select: { role: true, status: true, sessionVersion: true, passwordHash: true },
  }),
  tokens: await db.accountToken.findMany({
    where: { userId: id },
    select: { id: true, revokedAt: true, usedAt: true },
    orderBy: { id: 'asc' },
  }),
  audit: await db.auditEvent.count({ where: { entityId: id } }),
  mail: await db.outboxMessage.count(),
});

describe('account actions through the server actions, with real sessions', () => {
  for (const [name, row] of Object.entries(table)) {
    for (const person of PEOPLE) {
      TARGETS.forEach((kind, i) => {
        const cell = row[person]![i]!;
        const expected = outcome[cell]!;
        it(`${name} by ${person} on ${kind}: ${expected}`, async () => {
          const selfId = await actAs(person);
          const id = await targetId(kind, selfId);
          const before = await snapshot(id);
          const result = await actions[name]!.run(null, actions[name]!.input(id));
          expect(result.ok ? 'ok' : result.code).toBe(expected);
          const after = await snapshot(id);
          if (cell === 'A') {
            expect(after.audit).toBeGreaterThan(before.audit);
            const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id }, orderBy: { id: 'desc' } });
            expect(event).toMatchObject({ actorId: selfId, ip: '192.0.2.10' });
          } else {
            // A refusal (or a change to what already is) changes nothing and records nothing.
            expect(after).toEqual(before);
          }
        });
      });
    }
  }
});

describe('inviting, and changing your own account, through the server actions', () => {
  const invite = (email: string) => users.inviteUserAction(null, { name: 'New Person', email, role: 'EDITOR' });

  for (const [person, expected] of [
    ['anonymous', 'unauthenticated'],
    ['contributor', 'not-allowed'],
    ['editor', 'not-allowed'],
    ['admin', 'ok'],
    ['deactivated', 'unauthenticated'],
    ['endedSession', 'unauthenticated'],
    ['forged', 'unauthenticated'],
  ] as [Person, string][]) {
    it(`invite by ${person}: ${expected}`, async () => {
      await actAs(person);
      const email = `invitee-${person}-${Date.now()}@example.test`;
      const result = await invite(email);
      expect(result.ok ? 'ok' : result.code).toBe(expected);
      const created = await db.user.findUnique({ where: { email } });
      if (expected === 'ok') expect(created).toMatchObject({ status: 'INVITED', role: 'EDITOR', passwordHash: null });
      else expect(created).toBeNull();
    });

    it(`changing their own name, as ${person}: ${expected === 'not-allowed' ? 'ok' : expected}`, async () => {
      const selfId = await actAs(person);
      const result = await account.updateProfileAction(null, { name: `Renamed ${person}` });
      const want = expected === 'not-allowed' ? 'ok' : expected;
      expect(result.ok ? 'ok' : result.code).toBe(want);
      if (selfId)
        expect((await db.user.findUniqueOrThrow({ where: { id: selfId } })).name === `Renamed ${person}`).toBe(
          want === 'ok',
        );
    });
  }

  it('returns every field error at once, and never echoes passwords', async () => {
    await actAs('admin');
    const result = await users.inviteUserAction(null, { name: '', email: 'nope', role: 'OWNER' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', values: { name: '', email: 'nope', role: 'OWNER' } });
    expect(Object.keys(result.ok ? {} : result.fieldErrors).sort()).toEqual(['email', 'name', 'role']);

    await actAs('contributor');
    const pw = await account.changePasswordAction(null, {
      currentPassword: 'x',
      password: 'short',
      confirmPassword: 'other',
    });
    expect(pw).toMatchObject({ ok: false, code: 'invalid' });
    expect(Object.keys(pw.ok ? {} : pw.fieldErrors).sort()).toEqual(['confirmPassword', 'password']);
    expect(pw.ok ? {} : pw.values).toEqual({});
  });

  it('never takes a role or status from a form that should not carry one', async () => {
    const selfId = await actAs('contributor');
    await account.updateProfileAction(null, {
      name: 'Still a contributor',
      role: 'ADMIN',
      status: 'ACTIVE',
      id: 'someone-else',
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: selfId! } })).toMatchObject({
      name: 'Still a contributor',
      role: 'CONTRIBUTOR',
    });
    await actAs('admin');
    const email = `carried-${Date.now()}@example.test`;
    await users.inviteUserAction(null, {
      name: 'Carried',
      email,
      role: 'CONTRIBUTOR',
      status: 'ACTIVE',
      passwordHash: 'x',
    });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({
      status: 'INVITED',
      passwordHash: null,
    });
  });
});
