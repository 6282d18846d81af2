/**
 * The audit log viewer's data (lib/audit/list-audit-events.ts) and its CSV export route
 * (app/admin/audit/export/route.ts) on a database of its own, with real session tokens read back by
 * getCurrentActor: filters (person, action, entity, date range), paging, the CSV of the filtered
 * view with formulas defused, addresses for admins only, and access for every kind of person.
 * Only next/headers is a stand-in (there is no request outside Next).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import type { Role } from '@/generated/prisma/enums';
import { createDb, type Db } from '@/lib/db/client';
import { parseCsv } from '@/lib/subscribers/csv';
import { freshDatabase } from '../helpers/db';
import { actorOf, rejectionOf } from '../helpers/app-client';

const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
  headers: async () => ({ get: (name: string) => request.headers.get(name.toLowerCase()) ?? null }),
}));

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';
process.env.NEXTAUTH_URL = 'http://quire.test';

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const { listAuditEvents } = await import('@/lib/audit/list-audit-events');
const { parseAuditFilter } = await import('@/lib/validation/audit-filter');
const exportRoute = await import('@/app/admin/audit/export/route');

let db: Db;
const holder = globalThis as unknown as { quireDb?: Db };
let seq = 0;

type Person = 'anonymous' | 'contributor' | 'editor' | 'admin' | 'deactivated' | 'endedSession';
const users: Partial<Record<Person, { id: string; role: Role; token: string }>> = {};

async function makeUser(person: Exclude<Person, 'anonymous'>) {
  seq += 1;
  const role: Role = person === 'contributor' ? 'CONTRIBUTOR' : person === 'editor' ? 'EDITOR' : 'ADMIN';
  const user = await db.user.create({
    data: { email: `a${seq}@audit.test`, name: `Audit person ${seq} (${person})`, role, status: 'ACTIVE' },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  const token = await encodeSessionToken(user);
  if (person === 'deactivated')
    await db.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } } });
  if (person === 'endedSession')
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  users[person] = { id: user.id, role, token };
}

function actAs(person: Person) {
  request.cookies.clear();
  const u = person === 'anonymous' ? undefined : users[person];
  if (u) request.cookies.set(sessionCookie().name, u.token);
}

async function exportCsv(person: Person, query = '') {
  actAs(person);
  return exportRoute.GET(new NextRequest(`http://quire.test/admin/audit/export${query}`));
}

const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);
const editorActor = () => actorOf({ id: users.editor!.id, role: 'EDITOR', status: 'ACTIVE' });
const adminActor = () => actorOf({ id: users.admin!.id, role: 'ADMIN', status: 'ACTIVE' });
const list = (query: Record<string, string>, actor = editorActor()) =>
  listAuditEvents(actor, parseAuditFilter(query).filter);

beforeAll(async () => {
  db = createDb(await freshDatabase());
  holder.quireDb = db;
  for (const p of ['contributor', 'editor', 'admin', 'deactivated', 'endedSession'] as const) await makeUser(p);
  const editor = users.editor!.id;
  const admin = users.admin!.id;
  // 60 approvals by the editor over March 2002, a publish by the admin, a schedule (no actor), and a
  // note a spreadsheet would run as a formula.
  await db.auditEvent.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      actorId: editor,
      action: 'item.approve',
      entityType: 'Item',
      entityId: `item-${i % 3}`,
      fromState: 'IN_REVIEW',
      toState: 'APPROVED',
      createdAt: day(`2002-03-${String(1 + (i % 28)).padStart(2, '0')}`),
    })),
  });
  await db.auditEvent.create({
    data: {
      actorId: admin,
      action: 'issue.publish',
      entityType: 'Issue',
      entityId: 'issue-25',
      note: '=HYPERLINK("http://evil.test","click")',
      ip: '192.0.2.77',
      data: { number: 25 },
      createdAt: day('2002-04-02'),
    },
  });
  await db.auditEvent.create({
    data: {
      actorId: null,
      action: 'issue.schedulePublish',
      entityType: 'Issue',
      entityId: 'issue-26',
      createdAt: day('2002-06-30'),
    },
  });
});
afterAll(async () => {
  delete holder.quireDb;
  await db.$disconnect();
});

describe('audit log filters and paging', () => {
  it('lists everything newest first, 50 to a page', async () => {
    const first = await list({});
    expect(first.total).toBe(62);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.action).toBe('issue.schedulePublish');
    const second = await list({ page: '2' });
    expect(second.rows).toHaveLength(12);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(62);
  });

  it('filters by person, by no one signed in, by action and by action family', async () => {
    expect((await list({ actor: users.admin!.id })).total).toBe(1);
    expect((await list({ actor: users.editor!.id })).total).toBe(60);
    const system = await list({ actor: 'system' });
    expect(system.rows.map((r) => r.action)).toEqual(['issue.schedulePublish']);
    expect((await list({ action: 'item.approve' })).total).toBe(60);
    expect((await list({ action: 'issue.' })).total).toBe(2);
    expect((await list({ action: 'issue' })).total).toBe(0);
  });

  it('filters by entity kind and by one record', async () => {
    expect((await list({ entity: 'Issue' })).total).toBe(2);
    expect((await list({ entity: 'Item:item-1' })).total).toBe(20);
  });

  it('filters by an inclusive range of UTC days, combined with the other filters', async () => {
    expect((await list({ from: '2002-03-28', to: '2002-03-28' })).total).toBe(2);
    expect((await list({ from: '2002-04-01' })).total).toBe(2);
    expect((await list({ to: '2002-03-01' })).total).toBe(3);
    expect((await list({ from: '2002-03-01', to: '2002-03-31', entity: 'Item:item-0' })).total).toBe(20);
  });

  it('answers unusable filters with a message for that field, keeps the text and applies the rest', () => {
    const parsed = parseAuditFilter({
      from: '2002-02-30',
      to: 'yesterday',
      action: 'drop table',
      actor: users.editor!.id,
    });
    expect(parsed.fieldErrors.from).toEqual(['There is no such day.']);
    expect(parsed.fieldErrors.to).toEqual(['Use a date such as 2002-03-11.']);
    expect(parsed.fieldErrors.action?.[0]).toMatch(/item\.approve/);
    expect(parsed.raw.to).toBe('yesterday');
    expect(parsed.filter).toMatchObject({ actor: users.editor!.id, from: undefined, to: undefined, action: undefined });
    expect(parseAuditFilter({ from: '2002-04-02', to: '2002-04-01' }).fieldErrors.to).toEqual([
      'The end of the range is before its start.',
    ]);
  });

  it('shows client addresses to admins only', async () => {
    const byEditor = await list({ entity: 'Issue:issue-25' });
    expect(byEditor.rows[0]!.ip).toBeNull();
    const byAdmin = await list({ entity: 'Issue:issue-25' }, adminActor());
    expect(byAdmin.rows[0]!.ip).toBe('192.0.2.77');
    expect(byAdmin.rows[0]!.data).toBe('{"number":25}');
  });
});

describe('audit log CSV export', () => {
  it('holds exactly the filtered view, every page of it, newest first', async () => {
    const res = await exportCsv('editor', '?actor=' + users.editor!.id + '&entity=Item:item-2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([
      'id',
      'created_at',
      'actor_id',
      'actor_name',
      'action',
      'entity_type',
      'entity_id',
      'from_state',
      'to_state',
      'note',
      'data',
    ]);
    expect(rows).toHaveLength(21);
    expect(rows.slice(1).every((r) => r[6] === 'item-2' && r[4] === 'item.approve')).toBe(true);
    const times = rows.slice(1).map((r) => r[1]!);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('defuses formulas and gives admins the address column', async () => {
    const res = await exportCsv('admin', '?entity=Issue:issue-25');
    const rows = parseCsv(await res.text());
    expect(rows[0]!.at(-1)).toBe('ip');
    expect(rows[1]![9]).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(rows[1]!.at(-1)).toBe('192.0.2.77');
    const editors = parseCsv(await (await exportCsv('editor', '?entity=Issue:issue-25')).text());
    expect(editors[0]).not.toContain('ip');
    expect(editors[1]).not.toContain('192.0.2.77');
  });

  it('refuses unusable filters with a 400 naming the field, rather than exporting more than was asked', async () => {
    const res = await exportCsv('editor', '?from=2002-13-01');
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('from: There is no such day.\n');
  });

  const expected: Record<Person, number> = {
    anonymous: 401,
    deactivated: 401,
    endedSession: 401,
    contributor: 403,
    editor: 200,
    admin: 200,
  };
  for (const [person, status] of Object.entries(expected) as [Person, number][]) {
    it(`answers ${status} to ${person}`, async () => {
      const res = await exportCsv(person);
      expect(res.status).toBe(status);
      if (status !== 200) expect(await res.text()).not.toContain('item.approve');
    });
  }
});

describe('audit log access in the data layer', () => {
  it('refuses contributors, deactivated and anonymous people', async () => {
    const contributor = actorOf({ id: users.contributor!.id, role: 'CONTRIBUTOR', status: 'ACTIVE' });
    expect((await rejectionOf(listAuditEvents(contributor, { page: 1 }))) as Error).toMatchObject({
      name: 'NotAllowedError',
    });
    const gone = actorOf({ id: users.deactivated!.id, role: 'ADMIN', status: 'DEACTIVATED' });
    expect((await rejectionOf(listAuditEvents(gone, { page: 1 }))) as Error).toMatchObject({ name: 'NotFoundError' });
    expect((await rejectionOf(listAuditEvents(null, { page: 1 }))) as Error).toMatchObject({ name: 'NotFoundError' });
  });
});
