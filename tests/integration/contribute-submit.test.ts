/**
 * The reader's form through its real server action (app/(public)/contribute/actions.ts): what is
 * stored, the acknowledgement, the abuse rules with their one neutral answer, and 200 hostile strings in
 * every field. Only next/headers (the request), next/cache and next/navigation's redirect are stand-ins.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { testDb } from '../helpers/db';
import { HOSTILE_STRINGS } from '../helpers/hostile-strings';

const request = vi.hoisted(() => ({ ip: '198.51.100.1' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => {} }),
  headers: async () => ({ get: (name: string) => (name.toLowerCase() === 'x-forwarded-for' ? request.ip : null) }),
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

const { submitContributionAction } = await import('@/app/(public)/contribute/actions');
const { issueFormToken } = await import('@/lib/contributions/form-token');
const { NEUTRAL_REFUSAL, HONEYPOT_FIELD } = await import('@/lib/contributions/limits');

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
const unique = () => `${Date.now().toString(36)}-${(seq += 1)}`;
function newAddress() {
  seq += 1;
  request.ip = `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
}

function meeting(over: Record<string, string> = {}) {
  return {
    name: 'Irena Kovač',
    email: `sender-${unique()}@example.test`,
    organisation: "Harbour Light Women's Centre",
    kind: 'MEETING',
    subject: 'Regional seminar on return and reintegration',
    message: 'A two-day seminar for police and NGOs. Programme: https://seminar.example/programme',
    link: 'https://seminar.example/',
    meetingStart: '2002-09-12',
    meetingEnd: '2002-09-13',
    meetingCity: 'Tirana',
    meetingCountry: 'Albania',
    consent: 'on',
    formToken: issueFormToken(new Date(Date.now() - 5000)),
    [HONEYPOT_FIELD]: '',
    ...over,
  };
}

async function send(input: Record<string, string>) {
  try {
    return { result: await submitContributionAction(null, input) };
  } catch (e) {
    const to = (e as { redirectTo?: string }).redirectTo;
    if (to) return { redirectTo: to };
    throw e;
  }
}

describe('sending a contribution', () => {
  it('stores it, answers with a reference and acknowledges it without echoing links', async () => {
    newAddress();
    const input = meeting();
    const { redirectTo, result } = await send(input);
    expect(result).toBeUndefined();
    expect(redirectTo).toMatch(/^\/contribute\/sent\?ref=IX-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const reference = decodeURIComponent(redirectTo!.split('ref=')[1]!);
    const row = await db.contribution.findUniqueOrThrow({ where: { reference } });
    expect(row).toMatchObject({
      name: input.name,
      email: input.email,
      kind: 'MEETING',
      status: 'NEW',
      link: 'https://seminar.example/',
      details: {
        meetingStart: '2002-09-12',
        meetingEnd: '2002-09-13',
        meetingCity: 'Tirana',
        meetingCountry: 'Albania',
      },
    });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { contributionId: row.id } });
    expect(mail.to).toBe(input.email);
    expect(mail.text).toContain(reference);
    expect(mail.text).not.toContain('seminar.example');
    expect(mail.text).not.toContain(input.name);
    const events = await db.auditEvent.findMany({ where: { entityId: row.id } });
    expect(events.map((e) => e.action)).toEqual(['contribution.receive']);
    expect(JSON.stringify(events.map((e) => [e.data, e.note]))).not.toContain(input.email);
  });

  it('returns every field error at once with every value typed', async () => {
    newAddress();
    const { result } = await send(meeting({ name: '', email: 'not an address', meetingStart: '', consent: '' }));
    expect(result?.ok).toBe(false);
    if (result?.ok !== false) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['consent', 'email', 'meetingStart', 'name']);
    expect(result.values.subject).toBe('Regional seminar on return and reintegration');
    expect(result.values.meetingCity).toBe('Tirana');
    expect(result.values.formToken).toBeUndefined();
  });

  it('refuses the honeypot, a too quick or forged form, and throttled senders with one neutral answer, storing nothing', async () => {
    const before = await db.contribution.count();
    const refusalsBefore = await db.contributionRefusalCount.aggregate({ _sum: { count: true } });
    newAddress();
    const cases = [
      meeting({ [HONEYPOT_FIELD]: 'https://spam.example' }),
      meeting({ formToken: issueFormToken(new Date()) }),
      meeting({ formToken: '1700000000000.forged' }),
      meeting({ formToken: '' }),
    ];
    for (const input of cases) {
      const { result } = await send(input);
      expect(result).toMatchObject({ ok: false, code: 'not-allowed', message: NEUTRAL_REFUSAL });
    }
    // Per e-mail: five an hour, from any address.
    const email = `busy-${unique()}@example.test`;
    for (let i = 0; i < 5; i += 1) {
      newAddress();
      expect((await send(meeting({ email }))).redirectTo).toBeTruthy();
    }
    newAddress();
    expect((await send(meeting({ email }))).result).toMatchObject({ ok: false, message: NEUTRAL_REFUSAL });
    // Per address: ten an hour, whatever the e-mail.
    newAddress();
    for (let i = 0; i < 10; i += 1) expect((await send(meeting())).redirectTo).toBeTruthy();
    expect((await send(meeting())).result).toMatchObject({ ok: false, message: NEUTRAL_REFUSAL });

    expect(await db.contribution.count()).toBe(before + 15);
    const refusalsAfter = await db.contributionRefusalCount.aggregate({ _sum: { count: true } });
    expect((refusalsAfter._sum.count ?? 0) - (refusalsBefore._sum.count ?? 0)).toBe(6);
  });
});

describe('200 hostile strings', () => {
  it('has 200', () => {
    expect(HOSTILE_STRINGS).toHaveLength(200);
    expect(new Set(HOSTILE_STRINGS).size).toBeGreaterThan(190);
  });

  it('in every text field: never an unexpected error; what is accepted is stored exactly (trimmed)', async () => {
    let stored = 0;
    for (const hostile of HOSTILE_STRINGS) {
      newAddress();
      const input = meeting({
        name: hostile,
        organisation: hostile,
        subject: hostile,
        message: hostile,
        meetingCity: hostile,
        meetingCountry: hostile,
      });
      const { result, redirectTo } = await send(input);
      if (redirectTo) {
        stored += 1;
        const reference = decodeURIComponent(redirectTo.split('ref=')[1]!);
        const row = await db.contribution.findUniqueOrThrow({ where: { reference } });
        const exact = hostile.trim();
        expect(row.name).toBe(exact);
        expect(row.organisation).toBe(exact);
        expect(row.subject).toBe(exact);
        expect(row.message).toBe(exact);
        expect(row.details).toMatchObject({ meetingCity: exact, meetingCountry: exact });
      } else {
        expect(result?.ok).toBe(false);
        if (result?.ok === false) expect(result.code).toBe('invalid');
      }
    }
    expect(stored).toBeGreaterThan(100);
  }, 240_000);

  it('in the e-mail, link, kind, date and checkbox fields: refused as invalid or stored, never an unexpected error', async () => {
    for (const hostile of HOSTILE_STRINGS) {
      newAddress();
      for (const field of ['email', 'link', 'kind', 'meetingStart', 'availability', 'consent', 'anonymous']) {
        const { result, redirectTo } = await send(meeting({ [field]: hostile }));
        if (!redirectTo) expect(result).toMatchObject({ ok: false, code: 'invalid' });
      }
    }
  }, 300_000);
});
