/**
 * Triage of readers' contributions through the real server actions (app/admin/contributions/actions.ts)
 * with session tokens as next-auth issues them, and through lib/contributions for atomicity,
 * concurrency and erasure. Only next/headers, next/cache and next/navigation's redirect are stand-ins.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/client';
import { testDb } from '../helpers/db';

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
  headers: async () => ({ get: (name: string) => (name.toLowerCase() === 'x-forwarded-for' ? '192.0.2.30' : null) }),
}));
vi.mock('next/cache', () => ({ refresh: () => {}, revalidatePath: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect to ${url}`), { redirectTo: url });
  },
  notFound: () => {
    throw new Error('notFound');
  },
}));

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const actions = await import('@/app/admin/contributions/actions');
const { acceptContribution } = await import('@/lib/contributions/accept-contribution');
const { eraseContributionSender } = await import('@/lib/contributions/erase-contribution-sender');
const { decideContribution } = await import('@/lib/contributions/decide-contribution');
const { sendMail } = await import('@/lib/mail/send-mail');

let db: Db;
const holder = globalThis as unknown as { quireDb?: Db };
beforeAll(() => {
  db = testDb();
  holder.quireDb = db;
});
afterAll(async () => {
  delete holder.quireDb;
  await db.$disconnect();
});

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq += 1)}`;

type Person = 'anonymous' | 'contributor' | 'editor' | 'admin';
async function person(p: Exclude<Person, 'anonymous'>) {
  const role: Role = p === 'contributor' ? 'CONTRIBUTOR' : p === 'editor' ? 'EDITOR' : 'ADMIN';
  return db.user.create({
    data: { email: `triage-${unique()}@example.test`, name: `Triage ${p}`, role, status: 'ACTIVE' },
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true },
  });
}
async function actAs(p: Person) {
  request.cookies.clear();
  if (p === 'anonymous') return null;
  const user = await person(p);
  request.cookies.set(sessionCookie().name, await encodeSessionToken(user));
  return user;
}

async function contribution(over: Record<string, unknown> = {}) {
  const u = unique();
  const c = await db.contribution.create({
    data: {
      reference: `IX-${u.slice(-4).toUpperCase().padStart(4, 'A')}-${String(seq).padStart(4, '0')}`.slice(0, 12),
      name: 'Irena Kovač',
      email: `irena-${u}@harbourlight.example`,
      organisation: "Harbour Light Women's Centre",
      kind: 'MEETING',
      subject: `Regional seminar on reintegration ${u}`,
      message: 'A two-day seminar.\n\nPolice and NGOs from six countries.',
      link: 'https://seminar.example/',
      details: {
        meetingStart: '2002-09-12',
        meetingEnd: '2002-09-13',
        meetingCity: 'Tirana',
        meetingCountry: 'Albania',
      },
      consent: true,
      createdAt: new Date('2002-06-10T16:45:00Z'),
      ...over,
    },
  });
  await sendMail(db, { to: c.email, contributionId: c.id, subject: `We received ${c.reference}`, text: 'Hello' });
  return c;
}

async function outcome(run: () => Promise<{ ok: boolean; code?: string }>): Promise<string> {
  try {
    const r = await run();
    return r.ok ? 'ok' : r.code!;
  } catch (e) {
    if ((e as { redirectTo?: string }).redirectTo) return 'redirect';
    throw e;
  }
}

describe('who may triage (through the real actions)', () => {
  const expected: Record<Person, string> = {
    anonymous: 'unauthenticated',
    contributor: 'not-allowed',
    editor: 'ok',
    admin: 'ok',
  };
  for (const p of ['anonymous', 'contributor', 'editor', 'admin'] as Person[]) {
    it(`${p}: accept, decline, spam, reply, erase`, async () => {
      await actAs(p);
      const ok = expected[p];
      const a = await contribution();
      expect(await outcome(() => actions.acceptContributionAction(null, { contributionId: a.id }))).toBe(
        ok === 'ok' ? 'redirect' : ok,
      );
      const b = await contribution();
      expect(
        await outcome(() =>
          actions.declineContributionAction(null, { contributionId: b.id, decision: 'DECLINED', reply: 'No' }),
        ),
      ).toBe(ok);
      const s = await contribution();
      expect(
        await outcome(() =>
          actions.declineContributionAction(null, { contributionId: s.id, decision: 'SPAM', reply: '' }),
        ),
      ).toBe(ok);
      const r = await contribution();
      expect(
        await outcome(() => actions.replyToContributionAction(null, { contributionId: r.id, text: 'Thanks' })),
      ).toBe(ok);
      const e = await contribution();
      expect(
        await outcome(() => actions.eraseContributionSenderAction(null, { contributionId: e.id, confirm: 'on' })),
      ).toBe(ok);
      if (ok !== 'ok') {
        // A refusal changes and records nothing.
        const rows = await db.contribution.findMany({ where: { id: { in: [a.id, b.id, s.id, r.id, e.id] } } });
        expect(rows.every((row) => row.status === 'NEW' && row.erasedAt === null && row.itemId === null)).toBe(true);
        expect(await db.contributionReply.count({ where: { contributionId: { in: [b.id, r.id] } } })).toBe(0);
        expect(await db.auditEvent.count({ where: { entityId: { in: [a.id, b.id, s.id, r.id, e.id] } } })).toBe(0);
      }
    });
  }
});

describe('accepting', () => {
  it('makes a meeting report with a meeting carrying the sent dates and place, crediting the sender, in one event', async () => {
    const editor = await person('editor');
    const c = await contribution();
    const r = await acceptContribution(editor, { contributionId: c.id, db });
    const item = await db.item.findUniqueOrThrow({
      where: { id: r.itemId },
      include: { meeting: true, sources: true, contribution: true, revisions: true },
    });
    expect(item).toMatchObject({ kind: 'MEETING_REPORT', state: 'DRAFT', authorId: editor.id, title: c.subject });
    expect(item.meeting).toMatchObject({ name: c.subject, city: 'Tirana', country: 'Albania' });
    expect(item.meeting!.startDate!.toISOString().slice(0, 10)).toBe('2002-09-12');
    expect(item.meeting!.endDate!.toISOString().slice(0, 10)).toBe('2002-09-13');
    expect(item.sources.map((s) => [s.position, s.name, s.date?.toISOString().slice(0, 10)])).toEqual([
      [0, "Irena Kovač, Harbour Light Women's Centre", '2002-06-10'],
    ]);
    expect(item.contribution?.id).toBe(c.id);
    expect(item.revisions).toHaveLength(1);
    const events = await db.auditEvent.findMany({ where: { entityId: c.id } });
    expect(events.map((e) => e.action)).toEqual(['contribution.accept']);
    expect(await db.contribution.findUnique({ where: { id: c.id } })).toMatchObject({
      status: 'ACCEPTED',
      itemId: r.itemId,
    });
  });

  it('matches an existing meeting, does not name a sender who asked not to be, and makes publication reviews and articles', async () => {
    const editor = await person('editor');
    const first = await contribution();
    const { meetingId } = await acceptContribution(editor, { contributionId: first.id, db });
    const again = await contribution({ subject: first.subject, anonymous: true });
    const second = await acceptContribution(editor, { contributionId: again.id, db });
    expect(second.meetingId).toBe(meetingId);
    const sources = await db.source.findMany({ where: { itemId: second.itemId } });
    expect(sources.map((s) => s.name)).toEqual(['A reader, through Information Exchange']);

    const pub = await contribution({
      kind: 'PUBLICATION',
      details: { issuingBody: 'IOM', availability: 'FORTHCOMING' },
    });
    const p = await acceptContribution(editor, { contributionId: pub.id, db });
    expect(p.kind).toBe('PUBLICATION_REVIEW');
    expect(await db.publication.findUnique({ where: { id: p.publicationId! } })).toMatchObject({
      issuingBody: 'IOM',
      availability: 'FORTHCOMING',
    });
    const news = await contribution({ kind: 'NEWS', details: {} });
    expect((await acceptContribution(editor, { contributionId: news.id, db })).kind).toBe('ARTICLE');
  });

  it('is atomic: a failure in the middle leaves no item, no meeting and the contribution new', async () => {
    const editor = await person('editor');
    const c = await contribution();
    const items = await db.item.count();
    const meetings = await db.meeting.count();
    await expect(
      acceptContribution(editor, {
        contributionId: c.id,
        db,
        afterItemWritten: async () => {
          throw new Error('injected failure');
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(await db.item.count()).toBe(items);
    expect(await db.meeting.count()).toBe(meetings);
    expect(await db.contribution.findUnique({ where: { id: c.id } })).toMatchObject({ status: 'NEW', itemId: null });
    expect(await db.auditEvent.count({ where: { entityId: c.id } })).toBe(0);
  });

  it('happens once under two concurrent clicks, and a second accept is refused', async () => {
    const editor = await person('editor');
    const c = await contribution();
    const results = await Promise.allSettled([
      acceptContribution(editor, { contributionId: c.id, db }),
      acceptContribution(editor, { contributionId: c.id, db }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toContain('already accepted');
    expect(await db.item.count({ where: { contribution: { id: c.id } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: c.id, action: 'contribution.accept' } })).toBe(1);
  });
});

describe('declining and replying', () => {
  it('keeps the reply and sends it through the outbox; a decided contribution cannot be decided again', async () => {
    const editor = await person('editor');
    const c = await contribution();
    await decideContribution(editor, {
      contributionId: c.id,
      decision: 'DECLINED',
      reply: 'Outside our scope, sorry.',
      db,
    });
    const replies = await db.contributionReply.findMany({ where: { contributionId: c.id } });
    expect(replies.map((r) => [r.decision, r.text])).toEqual([['DECLINED', 'Outside our scope, sorry.']]);
    const mails = await db.outboxMessage.findMany({ where: { contributionId: c.id }, orderBy: { createdAt: 'asc' } });
    expect(mails.at(-1)).toMatchObject({ to: c.email });
    expect(mails.at(-1)!.text).toContain('Outside our scope, sorry.');
    await expect(acceptContribution(editor, { contributionId: c.id, db })).rejects.toThrow('already declined');
  });
});

describe('erasing personal data', () => {
  it('removes name, e-mail and organisation from the contribution, the audit payloads and the outbox copies', async () => {
    const editor = await person('editor');
    const c = await contribution();
    await decideContribution(editor, { contributionId: c.id, decision: 'DECLINED', reply: 'Thank you, but no.', db });
    await eraseContributionSender(editor, { contributionId: c.id, db });
    const row = await db.contribution.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ name: '', email: '', organisation: '', status: 'DECLINED', message: c.message });
    expect(row.erasedAt).toBeInstanceOf(Date);
    const mails = await db.outboxMessage.findMany({ where: { contributionId: c.id } });
    expect(mails.length).toBe(2);
    const events = await db.auditEvent.findMany({ where: { entityId: c.id } });
    expect(events.map((e) => e.action)).toEqual(['contribution.decline', 'contribution.eraseSender']);
    for (const needle of [c.email, 'Irena', 'Harbour Light']) {
      expect(JSON.stringify(mails)).not.toContain(needle);
      expect(JSON.stringify(events.map((e) => [e.data, e.note, e.fromState, e.toState]))).not.toContain(needle);
      expect(JSON.stringify(row)).not.toContain(needle);
    }
    // The whole database: no text column of these tables holds the address any more.
    const hits = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "OutboxMessage" WHERE "to" = ${c.email} OR "text" LIKE ${'%' + c.email + '%'}`;
    expect(Number(hits[0]!.n)).toBe(0);
    const audit = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "AuditEvent" WHERE "data"::text LIKE ${'%' + c.email + '%'}`;
    expect(Number(audit[0]!.n)).toBe(0);
  });
});
