import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { cacheState, setConnected } from '@/lib/cache/next-cache-handler.mjs';
import { reportDatabaseDown, reportDatabaseUp } from '@/lib/outage/database-state';
import QuireCacheHandler from '@/lib/cache/next-cache-handler.mjs';
import { startCacheListener } from '@/lib/cache/listener';
import { CACHE_CHANNEL } from '@/lib/cache/tags';
import { publishIssue } from '@/lib/issues/publish-issue';
import { unpublishIssue } from '@/lib/issues/unpublish-issue';
import { updateRecord } from '@/lib/content/records/update-record';
import { meetingKind } from '@/lib/records/meeting';
import { useAppClient } from '../helpers/app-client';
import { createPeople, createReadyIssue } from '../helpers/issue-fixtures';

/**
 * The cache behind public pages (lib/cache, docs/caching.md) on a real PostgreSQL: the writers'
 * invalidations reach every listener through LISTEN/NOTIFY only when their transaction commits, the
 * handler drops exactly the entries they name, and with the listener down nothing is served.
 */
const app = useAppClient();
let people: Awaited<ReturnType<typeof createPeople>>;
const handler = new QuireCacheHandler({});
const page = (path: string) => `/route-cache/APP_PAGE/0000/$${path}`;
const fakePage = { kind: 'APP_PAGE', html: '<html><script nonce="abc123">x</script></html>', headers: {} };

/** Another instance's ear: a plain LISTEN connection collecting payloads. */
let ear: pg.Client;
const heard: string[][] = [];
let listener: { stop(): Promise<void> };

beforeAll(async () => {
  people = await createPeople(app.db);
  cacheState().csp = (nonce) => `script-src 'nonce-${nonce}'`;
  ear = new pg.Client({ connectionString: inject('databaseUrl') });
  await ear.connect();
  ear.on('notification', (m) => {
    const payload = JSON.parse(m.payload ?? '{}') as { tags?: string[] };
    if (payload.tags) heard.push(payload.tags);
  });
  await ear.query(`LISTEN ${CACHE_CHANNEL}`);
  listener = startCacheListener(inject('databaseUrl'), () => {});
  for (let waited = 0; !cacheState().connected && waited < 10_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  expect(cacheState().connected).toBe(true);
});
afterAll(async () => {
  await listener.stop();
  await ear.end();
});

/** Stores a page as Next would: get (a miss) then set. */
async function store(path: string) {
  await handler.get(page(path));
  await handler.set(page(path), { ...fakePage, headers: {} });
  expect(await handler.get(page(path)), path).not.toBeNull();
}
const cached = async (path: string) => (await handler.get(page(path))) !== null;

describe('cached public pages', () => {
  it('publishing and unpublishing expire the issue, its items and the listings, on every instance', async () => {
    const { issue, items } = await createReadyIssue(app.db);
    const other = await createReadyIssue(app.db);
    const slug = items[0]!.slug;
    for (const p of [
      `/issues/${issue.number}`,
      `/issues/${issue.number}/${slug}`,
      '/issues',
      '/',
      '/feed.xml',
      `/issues/${other.issue.number}`,
    ])
      await store(p);
    heard.length = 0;
    const published = await publishIssue(people.editor, issue.id, { expectedVersion: issue.version });
    expect(await cached(`/issues/${issue.number}`)).toBe(false);
    expect(await cached(`/issues/${issue.number}/${slug}`)).toBe(false);
    expect(await cached('/issues')).toBe(false);
    expect(await cached('/feed.xml')).toBe(false);
    expect(await cached(`/issues/${other.issue.number}`)).toBe(true);
    await expect.poll(() => heard.flat()).toEqual(expect.arrayContaining([`issue:${issue.number}`, 'listing']));

    await store(`/issues/${issue.number}`);
    heard.length = 0;
    await unpublishIssue(people.editor, issue.id, { expectedVersion: published.version });
    expect(await cached(`/issues/${issue.number}`)).toBe(false);
    await expect.poll(() => heard.flat()).toContain(`issue:${issue.number}`);
  });

  it('a meeting change expires the calendar and the issues whose items show it', async () => {
    const { issue, items } = await createReadyIssue(app.db);
    const other = await createReadyIssue(app.db);
    const meetingId = items.find((i) => i.meetingId)!.meetingId!;
    const meeting = await app.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    for (const p of [`/issues/${issue.number}`, '/meetings.ics', `/issues/${other.issue.number}`]) await store(p);
    await updateRecord(
      meetingKind,
      people.editor,
      meetingId,
      {
        name: `${meeting.name} (renamed)`,
        startDate: '2002-05-01',
        datePrecision: 'DAY',
      },
      { expectedVersion: meeting.version },
    );
    expect(await cached(`/issues/${issue.number}`)).toBe(false);
    expect(await cached('/meetings.ics')).toBe(false);
    expect(await cached(`/issues/${other.issue.number}`)).toBe(true);
  });

  it('a write that rolls back announces nothing', async () => {
    heard.length = 0;
    const { issue } = await createReadyIssue(app.db);
    await expect(publishIssue(people.editor, issue.id, { expectedVersion: issue.version + 7 })).rejects.toThrow();
    await app.db.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, '{"tags":["marker"]}')`;
    await expect.poll(() => heard.flat()).toContain('marker');
    expect(heard.flat()).not.toContain(`issue:${issue.number}`);
  });

  it('stores the policy naming the nonce of the render with the page, and refuses a render an invalidation overtook', async () => {
    await handler.get(page('/topics'));
    const data = { ...fakePage, headers: {} as Record<string, string> };
    await handler.set(page('/topics'), data);
    expect(data.headers['content-security-policy']).toBe("script-src 'nonce-abc123'");
    const hit = (await handler.get(page('/topics'))) as { value: { headers: Record<string, string> } };
    expect(hit.value.headers['content-security-policy']).toBe("script-src 'nonce-abc123'");

    // Two nonces is not a page Next.js made alone: nothing of it runs, and it is not kept.
    await handler.get(page('/topics'));
    const odd = { kind: 'APP_PAGE', html: '<script nonce="abc">x</script><script nonce="def">y</script>', headers: {} };
    await handler.set(page('/topics'), odd);
    expect((odd.headers as Record<string, string>)['content-security-policy']).toBe("script-src 'nonce-null'");
    expect(await cached('/topics')).toBe(false);
    // Nor one with no nonce at all (rendered without the proxy): it is not kept either.
    await handler.get(page('/topics'));
    const bare = { kind: 'APP_PAGE', html: '<script>x</script>', headers: {} };
    await handler.set(page('/topics'), bare);
    expect(await cached('/topics')).toBe(false);

    await handler.get(page('/issues'));
    await app.db.$transaction(async (tx) => {
      const { settingsChanged } = await import('@/lib/cache/invalidate');
      await settingsChanged(tx);
    });
    await handler.set(page('/issues'), { ...fakePage, headers: {} });
    expect(await cached('/issues')).toBe(false);
  });

  it('keeps no not-found page and no server error, and a server error or an outage never drops a good entry', async () => {
    // Every address that matches no route shares this entry; the proxy gives each its own nonce.
    await handler.get(page('/_not-found'));
    await handler.set(page('/_not-found'), { ...fakePage, headers: {} });
    expect(await cached('/_not-found')).toBe(false);

    const route = (status: number, body: string) => ({
      kind: 'APP_ROUTE',
      status,
      body: Buffer.from(body),
      headers: {},
    });
    const feed = async () =>
      ((await handler.get(page('/feed.xml'))) as { value: { status: number } } | null)?.value.status ?? null;
    await handler.get(page('/feed.xml'));
    await handler.set(page('/feed.xml'), route(200, '<feed/>'));
    expect(await feed()).toBe(200);
    // A refresh that answered the outage's 503 (lib/outage/route-handler.ts): the good copy stays.
    await handler.set(page('/feed.xml'), route(503, 'unavailable'));
    expect(await feed()).toBe(200);

    // The database away (its listener with it): a failed refresh hands back the entry it had, which stays.
    setConnected(false);
    reportDatabaseDown('test: the database went away');
    try {
      expect(await feed()).toBe(200);
      await handler.set(page('/feed.xml'), route(200, '<feed/>'));
      await handler.set(page('/feed.xml'), route(503, 'unavailable'));
      expect(await feed()).toBe(200);
    } finally {
      reportDatabaseUp();
      setConnected(true);
    }
  });

  it('with the listener down nothing is stored, and nothing served unless the database is down too', async () => {
    await store('/issues');
    setConnected(false);
    expect(await cached('/issues')).toBe(false);
    await handler.get(page('/'));
    await handler.set(page('/'), { ...fakePage, headers: {} });
    expect([...cacheState().entries.keys()]).toEqual([page('/issues')]);
    // Nobody can publish or withdraw while the database is unreachable: the page is served stale, not a 503.
    reportDatabaseDown('test: the database went away');
    try {
      expect(await cached('/issues')).toBe(true);
      expect(await cached('/')).toBe(false);
    } finally {
      reportDatabaseUp();
    }
    expect(await cached('/issues')).toBe(false);
    // Back: everything held is dropped (a notification may have been missed while the listener was away).
    setConnected(true);
    expect(cacheState().entries.size).toBe(0);
  });
});
