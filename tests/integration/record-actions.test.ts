/**
 * Meetings and publications through their real server actions (app/admin/meetings/actions.ts,
 * app/admin/publications/actions.ts), with session tokens as next-auth issues them: anyone signed in
 * adds a record, only editors and admins change one, whatever page the request came from. Only
 * next/headers (the request), next/cache and next/navigation's redirect are stand-ins.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role, UserStatus } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/client';
import { testDb } from '../helpers/db';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect to ${url}`), { redirectTo: url });
  },
  notFound: () => {
    throw new Error('notFound');
  },
}));
request.headers.set('x-forwarded-for', '192.0.2.20');

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const meetings = await import('@/app/admin/meetings/actions');
const publications = await import('@/app/admin/publications/actions');

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

type Person = 'anonymous' | 'contributor' | 'editor' | 'admin' | 'deactivated';
let seq = 0;

async function actAs(person: Person) {
  request.cookies.clear();
  if (person === 'anonymous') return;
  seq += 1;
  const role: Role = person === 'contributor' ? 'CONTRIBUTOR' : person === 'editor' ? 'EDITOR' : 'ADMIN';
  const status: UserStatus = 'ACTIVE';
  const user = await db.user.create({
    data: { email: `records-${seq}-${Date.now()}@example.test`, name: `Records ${seq}`, role, status },
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true },
  });
  const token = await encodeSessionToken(user);
  if (person === 'deactivated')
    await db.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } } });
  request.cookies.set(sessionCookie().name, token);
}

/** What an action answered: its code, or "redirect" for a successful create. */
async function outcome(run: () => Promise<{ ok: boolean; code?: string }>): Promise<string> {
  try {
    const result = await run();
    return result.ok ? 'ok' : result.code!;
  } catch (e) {
    if ((e as { redirectTo?: string }).redirectTo) return 'redirect';
    throw e;
  }
}

const meetingInput = (name: string) => ({
  name,
  startDate: '2002-09-20',
  endDate: '2002-09-21',
  datePrecision: 'DAY',
  city: 'Vienna',
  country: 'Austria',
  organisers: '',
  participants: '',
  url: '',
});
const publicationInput = (title: string) => ({
  title,
  authors: '',
  issuingBody: 'IOM',
  date: '2002-06-01',
  datePrecision: 'MONTH',
  kind: 'MANUAL',
  availability: 'PUBLISHED',
  url: '',
  isbn: '0-306-40615-2',
});

const table: [Person, create: string, update: string][] = [
  ['anonymous', 'unauthenticated', 'unauthenticated'],
  ['deactivated', 'unauthenticated', 'unauthenticated'],
  ['contributor', 'redirect', 'not-allowed'],
  ['editor', 'redirect', 'ok'],
  ['admin', 'redirect', 'ok'],
];

describe('meeting actions', () => {
  for (const [person, create, update] of table) {
    it(`${person}: create ${create}, update ${update}`, async () => {
      await actAs(person);
      const name = `Meeting by ${person} ${Date.now()}`;
      expect(await outcome(() => meetings.createMeetingAction(null, meetingInput(name)))).toBe(create);
      expect(await db.meeting.count({ where: { name } })).toBe(create === 'redirect' ? 1 : 0);

      const existing = await db.meeting.create({ data: { name: `Existing ${name}`, city: 'Turin' } });
      expect(
        await outcome(() =>
          meetings.updateMeetingAction(null, {
            meetingId: existing.id,
            expectedVersion: '1',
            ...meetingInput(`Renamed ${name}`),
          }),
        ),
      ).toBe(update);
      const after = await db.meeting.findUniqueOrThrow({ where: { id: existing.id } });
      expect(after.name).toBe(update === 'ok' ? `Renamed ${name}` : `Existing ${name}`);
    });
  }

  it('returns every field error at once, with what was typed', async () => {
    await actAs('editor');
    const result = await meetings.createMeetingAction(null, {
      ...meetingInput(''),
      endDate: '2002-09-01',
      url: 'javascript:alert(1)',
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid', values: { endDate: '2002-09-01', city: 'Vienna' } });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['endDate', 'name', 'url']);
    expect(result.fieldErrors.endDate).toEqual(['The meeting cannot end before it starts.']);
  });

  it('answers "not found" for a meeting that does not exist', async () => {
    await actAs('editor');
    expect(
      await outcome(() =>
        meetings.updateMeetingAction(null, {
          meetingId: 'no-such-meeting',
          expectedVersion: '1',
          ...meetingInput('Nothing'),
        }),
      ),
    ).toBe('not-found');
  });
});

describe('publication actions', () => {
  for (const [person, create, update] of table) {
    it(`${person}: create ${create}, update ${update}`, async () => {
      await actAs(person);
      const title = `Publication by ${person} ${Date.now()}`;
      expect(await outcome(() => publications.createPublicationAction(null, publicationInput(title)))).toBe(create);
      expect(await db.publication.count({ where: { title } })).toBe(create === 'redirect' ? 1 : 0);

      const existing = await db.publication.create({ data: { title: `Existing ${title}` } });
      expect(
        await outcome(() =>
          publications.updatePublicationAction(null, {
            publicationId: existing.id,
            expectedVersion: '1',
            ...publicationInput(`Renamed ${title}`),
          }),
        ),
      ).toBe(update);
      const after = await db.publication.findUniqueOrThrow({ where: { id: existing.id } });
      expect(after.title).toBe(update === 'ok' ? `Renamed ${title}` : `Existing ${title}`);
    });
  }

  it('refuses a wrong ISBN check digit next to the ISBN', async () => {
    await actAs('editor');
    const result = await publications.createPublicationAction(null, {
      ...publicationInput('Bad ISBN'),
      isbn: '978-92-9068-116-5',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { isbn: ['Enter a valid ISBN-10 or ISBN-13 (check the last digit).'] },
      values: { isbn: '978-92-9068-116-5' },
    });
  });
});

// Optimistic concurrency (tracker issue 13.3): the form sends the version it loaded; of two saves
// from that version exactly one goes through, the other gets the conflict with the winner's values.
describe('saving a record someone else saved first', () => {
  const kinds = [
    {
      noun: 'meeting',
      make: () => db.meeting.create({ data: { name: `Concurrent meeting ${Date.now()}`, city: 'Turin' } }),
      read: (id: string) => db.meeting.findUniqueOrThrow({ where: { id } }).then((r) => ({ ...r, label: r.name })),
      save: (id: string, version: unknown, label: string) =>
        meetings.updateMeetingAction(null, { meetingId: id, expectedVersion: version, ...meetingInput(label) }),
      labelField: 'name',
    },
    {
      noun: 'publication',
      make: () => db.publication.create({ data: { title: `Concurrent publication ${Date.now()}` } }),
      read: (id: string) => db.publication.findUniqueOrThrow({ where: { id } }).then((r) => ({ ...r, label: r.title })),
      save: (id: string, version: unknown, label: string) =>
        publications.updatePublicationAction(null, {
          publicationId: id,
          expectedVersion: version,
          ...publicationInput(label),
        }),
      labelField: 'title',
    },
  ] as const;

  for (const kind of kinds) {
    it(`${kind.noun}: two saves at once from the same version, exactly one wins, the other gets the conflict`, async () => {
      await actAs('editor');
      const record = await kind.make();
      expect(record.version).toBe(1);
      const results = await Promise.all([
        kind.save(record.id, '1', 'First tab'),
        kind.save(record.id, '1', 'Second tab'),
      ]);
      const ok = results.filter((r) => r.ok);
      const refused = results.filter((r) => !r.ok);
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const winner = results[0]!.ok ? 'First tab' : 'Second tab';
      const loser = winner === 'First tab' ? 'Second tab' : 'First tab';
      expect(ok[0]).toMatchObject({ version: 2 });
      expect(refused[0]).toMatchObject({
        ok: false,
        code: 'conflict',
        values: { [kind.labelField]: loser },
        conflict: { id: record.id, version: 2, theirs: { [kind.labelField]: winner } },
      });
      const stored = await kind.read(record.id);
      expect(stored).toMatchObject({ label: winner, version: 2 });

      // A stale save later on is refused too and changes nothing; saving mine over theirs, at their version, works.
      expect(await kind.save(record.id, '1', 'Late')).toMatchObject({ ok: false, code: 'conflict' });
      expect(await kind.read(record.id)).toMatchObject({ label: winner, version: 2 });
      expect(await kind.save(record.id, '2', loser)).toMatchObject({ ok: true, version: 3 });
      expect(await kind.read(record.id)).toMatchObject({ label: loser, version: 3 });
    });

    it(`${kind.noun}: a missing, malformed or impossible version is the page's fault, a 4xx-style "invalid"`, async () => {
      await actAs('editor');
      const record = await kind.make();
      for (const version of [undefined, '', 'abc', '0', '-1', '1.5', '2147483648', '99999999999999999999', 2 ** 53]) {
        const result = await kind.save(record.id, version, 'Should not stick');
        expect(result).toMatchObject({ ok: false, code: 'invalid' });
        if (!result.ok) expect(result.fieldErrors.expectedVersion?.[0]).toMatch(/reload/);
      }
      expect(await kind.read(record.id)).toMatchObject({ version: 1 });
    });
  }
});

// The item form's pickers (app/admin/items/new/record-actions.ts): the same kinds through the same
// pattern, answering small options instead of redirecting.
const pickers = await import('@/app/admin/items/new/record-actions');

describe('picker actions', () => {
  const pickerTable: [Person, search: string, create: string][] = [
    ['anonymous', 'unauthenticated', 'unauthenticated'],
    ['deactivated', 'unauthenticated', 'unauthenticated'],
    ['contributor', 'ok', 'ok'],
    ['editor', 'ok', 'ok'],
  ];
  for (const [person, search, create] of pickerTable) {
    it(`${person}: search ${search}, create ${create}`, async () => {
      await actAs(person);
      const name = `Picked meeting by ${person} ${Date.now()}`;
      expect(await outcome(() => pickers.createMeetingAction(null, meetingInput(name)))).toBe(create);
      expect(await db.meeting.count({ where: { name } })).toBe(create === 'ok' ? 1 : 0);
      expect(await outcome(() => pickers.searchMeetingsAction(null, { q: name }))).toBe(search);
      const title = `Picked publication by ${person} ${Date.now()}`;
      expect(await outcome(() => pickers.createPublicationAction(null, publicationInput(title)))).toBe(create);
      expect(await db.publication.count({ where: { title } })).toBe(create === 'ok' ? 1 : 0);
    });
  }

  it('answers the new record as the picker shows it, and finds it again', async () => {
    await actAs('contributor');
    const name = `Vienna picker ${Date.now()}`;
    const created = await pickers.createMeetingAction(null, meetingInput(name));
    expect(created).toMatchObject({
      ok: true,
      option: { label: name, detail: '20–21 September 2002 · Vienna, Austria' },
    });
    const found = await pickers.searchMeetingsAction(null, { q: name });
    expect(found).toMatchObject({ ok: true, total: 1 });
    if (!found.ok || !created.ok) return;
    expect(found.options).toEqual([created.option]);
  });

  it('returns every field error by field, with what was typed', async () => {
    await actAs('contributor');
    const result = await pickers.createPublicationAction(null, {
      ...publicationInput(''),
      isbn: '978-92-9068-116-5',
      url: 'ftp://example.org',
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid', values: { isbn: '978-92-9068-116-5' } });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['isbn', 'title', 'url']);
  });
});
