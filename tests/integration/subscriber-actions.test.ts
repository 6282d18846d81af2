/**
 * The subscriber and edition half of the policy through the real server actions and route handlers
 * (app/admin/subscribers, app/admin/issues/edition-actions.ts, app/(public)/subscribe, the export and
 * preview routes, the one-click unsubscribe), with real session tokens read back by getCurrentActor
 * from the database. A refusal must change nothing and record nothing. Only next/headers and
 * next/cache are stand-ins.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import { createDb, type Db } from '@/lib/db/client';
import { freshDatabase } from '../helpers/db';
import { createReadyIssue } from '../helpers/issue-fixtures';

const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  headers: new Map<string, string>([['x-forwarded-for', '192.0.2.10']]),
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
  headers: async () => ({ get: (name: string) => request.headers.get(name.toLowerCase()) ?? null }),
}));
vi.mock('next/cache', () => ({ refresh: () => {}, revalidatePath: () => {} }));

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';
process.env.NEXTAUTH_URL = 'http://quire.test';
delete process.env.SMTP_HOST;

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const admin = await import('@/app/admin/subscribers/actions');
const edition = await import('@/app/admin/issues/edition-actions');
const pub = await import('@/app/(public)/subscribe/actions');
const exportRoute = await import('@/app/admin/subscribers/export/route');
const previewRoute = await import('@/app/admin/issues/[id]/edition/route');
const oneClick = await import('@/app/api/unsubscribe/[token]/route');
const { getMailingSettings } = await import('@/lib/editions/mailing-settings');
const { unsubscribeToken } = await import('@/lib/subscribers/tokens');
const { NEUTRAL_ANSWER } = await import('@/lib/subscribers/messages');

let db: Db;
const holder = globalThis as unknown as { quireDb?: Db };
let seq = 0;
beforeAll(async () => {
  db = createDb(await freshDatabase());
  holder.quireDb = db;
});
afterAll(async () => {
  delete holder.quireDb;
  await db.$disconnect();
});

type Person = 'anonymous' | 'contributor' | 'editor' | 'admin' | 'deactivated' | 'endedSession' | 'forged';
const PEOPLE: Person[] = ['anonymous', 'contributor', 'editor', 'admin', 'deactivated', 'endedSession', 'forged'];
const sessions: Partial<Record<Person, { id: string; token: string }>> = {};

async function sessionFor(person: Person) {
  if (person === 'anonymous') return undefined;
  if (sessions[person]) return sessions[person];
  seq += 1;
  const role: Role = person === 'contributor' ? 'CONTRIBUTOR' : person === 'editor' ? 'EDITOR' : 'ADMIN';
  const user = await db.user.create({
    data: { email: `p${seq}-${Date.now()}@example.test`, name: `Person ${seq}`, role, status: 'ACTIVE' },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
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

async function newSubscriber(status: 'PENDING' | 'CONFIRMED' = 'CONFIRMED') {
  seq += 1;
  return db.subscriber.create({
    data: {
      email: `s${seq}-${Date.now()}@readers.test`,
      status,
      consentText: 'test',
      consentSource: 'form',
      confirmedAt: status === 'CONFIRMED' ? new Date() : null,
    },
  });
}

/** Everything these actions could change. */
const snapshot = async () => ({
  subscribers: await db.subscriber.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true } }),
  editions: await db.edition.findMany({ orderBy: { id: 'asc' }, select: { id: true, sendEnabled: true } }),
  settings: await db.mailingSettings.findUnique({
    where: { id: 1 },
    select: { sendRatePerMinute: true, maxAttempts: true },
  }),
  audit: await db.auditEvent.count(),
  mail: await db.outboxMessage.count(),
});

type Run = () => Promise<{ ok: boolean; code?: string }>;
const adminOnly: Record<Person, string> = {
  anonymous: 'unauthenticated',
  contributor: 'not-allowed',
  editor: 'not-allowed',
  admin: 'ok',
  deactivated: 'unauthenticated',
  endedSession: 'unauthenticated',
  forged: 'unauthenticated',
};
const editorial: Record<Person, string> = { ...adminOnly, editor: 'ok' };

const cases: Record<string, { expected: Record<Person, string>; run: () => Promise<Run> }> = {
  importSubscribers: {
    expected: adminOnly,
    run: async () => () => admin.importSubscribersAction(null, { csv: `imp-${++seq}-${Date.now()}@readers.test` }),
  },
  removeSubscriber: {
    expected: adminOnly,
    run: async () => {
      const s = await newSubscriber();
      return () => admin.removeSubscriberAction(null, { subscriberId: s.id });
    },
  },
  updateMailingSettings: {
    expected: adminOnly,
    run: async () => {
      const { sendRatePerMinute } = await getMailingSettings(db);
      return () =>
        admin.updateMailingSettingsAction(null, { sendRatePerMinute: String(sendRatePerMinute + 1), maxAttempts: '5' });
    },
  },
  turnEditionOff: {
    expected: editorial,
    run: async () => {
      const { issue } = await createReadyIssue(db);
      return () => edition.setEditionSendingAction(null, { issueId: issue.id, send: 'off' });
    },
  },
  sendTestEdition: {
    expected: editorial,
    run: async () => {
      const { issue } = await createReadyIssue(db);
      return () => edition.sendTestEditionAction(null, { issueId: issue.id });
    },
  },
};

describe('subscriber and edition actions with real sessions', () => {
  for (const [name, c] of Object.entries(cases)) {
    for (const person of PEOPLE) {
      const expected = c.expected[person];
      it(`${name} by ${person}: ${expected}`, async () => {
        const actorId = await actAs(person);
        const run = await c.run();
        const before = await snapshot();
        const result = await run();
        expect(result.ok ? 'ok' : result.code).toBe(expected);
        const after = await snapshot();
        if (expected === 'ok') {
          expect(after.audit).toBeGreaterThan(before.audit);
          const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
          expect(event).toMatchObject({ actorId, ip: '192.0.2.10' });
        } else {
          expect(after).toEqual(before);
        }
      });
    }
  }
});

describe('the routes with real sessions', () => {
  for (const person of PEOPLE) {
    const code = { ok: 200, 'not-allowed': 403, unauthenticated: 401 }[adminOnly[person] as 'ok'];
    it(`subscriber export by ${person}: ${code}`, async () => {
      await actAs(person);
      await newSubscriber();
      const response = await exportRoute.GET();
      expect(response.status).toBe(code);
      const body = await response.text();
      if (code === 200) {
        expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
        expect(body).toMatch(/^email,name,organisation,status/);
      } else expect(body).not.toContain('@readers.test');
    });

    const previewCode = { ok: 200, 'not-allowed': 403, unauthenticated: 401 }[editorial[person] as 'ok'];
    it(`edition preview by ${person}: ${previewCode}`, async () => {
      await actAs(person);
      const { issue, items } = await createReadyIssue(db);
      const title = (await db.item.findUniqueOrThrow({ where: { id: items[0]!.id } })).title;
      const url = `http://quire.test/admin/issues/${issue.id}/edition`;
      const html = await previewRoute.GET(new Request(url), { params: Promise.resolve({ id: issue.id }) });
      expect(html.status).toBe(previewCode);
      if (previewCode === 200) {
        expect(await html.text()).toContain(title);
        const text = await previewRoute.GET(new Request(`${url}?part=text`), {
          params: Promise.resolve({ id: issue.id }),
        });
        expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await text.text()).toContain(title);
      } else expect(await html.text()).not.toContain(title);
    });
  }
});

describe('the public actions, for anyone', () => {
  for (const person of PEOPLE) {
    it(`subscribe by ${person}: the neutral answer`, async () => {
      await actAs(person);
      const result = await pub.subscribeAction(null, {
        email: `pub-${++seq}-${Date.now()}@readers.test`,
        name: '',
        organisation: '',
        consent: 'on',
      });
      expect(result).toMatchObject({ ok: true, message: NEUTRAL_ANSWER });
    });
  }

  it('refuses a sign-up without consent, keeping what was typed', async () => {
    await actAs('anonymous');
    const result = await pub.subscribeAction(null, { email: 'no-consent@readers.test', name: 'X' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', values: { email: 'no-consent@readers.test' } });
    expect(result.ok ? [] : result.fieldErrors.consent).toHaveLength(1);
    expect(await db.subscriber.findUnique({ where: { email: 'no-consent@readers.test' } })).toBeNull();
  });

  it('one-click unsubscribe: POST with no session and no CSRF token unsubscribes; a GET changes nothing', async () => {
    await actAs('anonymous');
    const s = await newSubscriber();
    const { unsubscribeKey } = await getMailingSettings(db);
    const token = unsubscribeToken(unsubscribeKey, s.id);
    const params = { params: Promise.resolve({ token }) };
    const get = await oneClick.GET(new Request(`http://quire.test/api/unsubscribe/${token}`), params);
    expect(get.status).toBe(303);
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('CONFIRMED');
    const post = await oneClick.POST(
      new Request(`http://quire.test/api/unsubscribe/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' }),
      params,
    );
    expect(post.status).toBe(200);
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('UNSUBSCRIBED');
    const forged = await oneClick.POST(new Request('http://quire.test/api/unsubscribe/x', { method: 'POST' }), {
      params: Promise.resolve({ token: `${s.id}.${'A'.repeat(43)}` }),
    });
    expect(forged.status).toBe(404);
  });
});
