import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { test, expect, signInContext } from '../fixtures';
import { e2eDatabaseUrl, E2E_PORT } from '../config';
import { seedIssue, seedItem, placeInSection, uniqueTag } from '../issues/seed';

/**
 * Cached public pages (docs/caching.md) against the production build: a publish shows on the next
 * request and an unpublish answers 404, a draft never reaches a cached page or feed, a second
 * instance on the same database follows within a second, the CSP stays strict with no violation,
 * and Cache-Control says who may keep what.
 */

const PUBLIC_PAGES = ['/', '/issues', '/issues/25', '/topics', '/meetings', '/publications', '/search?q=trafficking'];
const SECOND_PORT = E2E_PORT + 1;

async function deskAction(page: Page, issueId: string, button: 'Publish issue' | 'Unpublish issue') {
  await page.goto(`/admin/issues/${issueId}`);
  await page.getByRole('button', { name: button }).click();
  if (button === 'Unpublish issue') await page.getByRole('button', { name: 'Yes, unpublish' }).click();
  await expect(page.getByTestId('issue-state')).toHaveText(button === 'Publish issue' ? 'Published' : 'Withdrawn');
}

test('public pages are cached with a strict CSP, no violation, and Cache-Control per kind of response', async ({
  browser,
  request,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const reader = await browser.newContext();
  const page = await reader.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  for (const path of PUBLIC_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).not.toContain("'unsafe-inline' 'strict");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []), path).toEqual([]);
  }
  expect(violations).toEqual([]);
  await reader.close();

  // Served from the cache: two requests get the same page, nonce included, and its own CSP names it.
  const first = await request.get('/issues/25');
  const second = await request.get('/issues/25');
  const nonceOf = (html: string) => /<script[^>]*nonce="([^"]+)"/.exec(html)?.[1];
  const nonce = nonceOf(await second.text());
  expect(nonce).toBeTruthy();
  expect(nonceOf(await first.text())).toBe(nonce);
  expect(second.headers()['content-security-policy']).toContain(`'nonce-${nonce}'`);
  expect(second.headers()['cache-control']).toBe('public, s-maxage=1, stale-while-revalidate=59');

  // Per-visitor and private responses.
  for (const path of ['/search?q=x', '/contribute', '/subscribe', '/login']) {
    const r = await request.get(path);
    expect(r.headers()['cache-control'], path).toMatch(/private|no-store/);
    expect(r.headers()['cache-control'], path).not.toContain('public');
  }
  for (const path of ['/login', '/admin', '/preview/not-a-token']) {
    const r = await request.get(path, { maxRedirects: 0 });
    expect(r.headers()['cache-control'], path).toContain('no-store');
  }
  // robots.txt and the feed: no proxy, same security headers.
  for (const path of ['/robots.txt', '/feed.xml', '/sitemap.xml']) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    expect(r.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(r.headers()['content-security-policy'], path).toContain("script-src 'none'");
  }

  // A signed-in person gets private, no-store on public pages (and the same public page as anyone:
  // the masthead shows nothing about a session).
  const editor = await makeAccount('EDITOR');
  const signedIn = await browser.newContext();
  await signInContext(signedIn, editor);
  const mine = await signedIn.request.get('/issues/25');
  expect(mine.headers()['cache-control']).toBe('private, no-store');
  expect(await mine.text()).not.toContain(editor.name);
  const admin = await signedIn.request.get('/admin');
  expect(admin.headers()['cache-control']).toContain('no-store');
  expect(admin.headers()['content-security-policy']).toMatch(/'nonce-/);
  await signedIn.close();
});

test('publish, unpublish, publish again: every cached page follows on the next request and a draft never shows', async ({
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(180_000);
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const canary = `Canary${tag}`;
  const issue = await seedIssue(db, { sections: [{ title: 'Lead' }], coverLabel: `Cycle ${tag}` });
  const item = await seedItem(db, { authorId: editor.id, title: `Cycled item ${tag}` });
  await placeInSection(db, issue.sections[0]!, [item.id]);
  await seedItem(db, { authorId: editor.id, title: `${canary} draft`, state: 'DRAFT' });

  const desk = await browser.newContext();
  await signInContext(desk, editor);
  const deskPage = await desk.newPage();
  const reader = await browser.newContext();
  const r = reader.request;
  const listings = ['/', '/issues', '/feed.xml', '/sitemap.xml', '/topics', `/issues/${issue.number}`];
  const itemPath = `/issues/${issue.number}/${item.slug}`;

  // Cached before anything changes: the 404s and the listings.
  for (const path of [...listings, itemPath]) await r.get(path);
  expect((await r.get(itemPath)).status()).toBe(404);

  for (let round = 0; round < 2; round++) {
    await deskAction(deskPage, issue.id, 'Publish issue');
    expect((await r.get(`/issues/${issue.number}`)).status()).toBe(200);
    expect(await (await r.get(itemPath)).text()).toContain(item.title);
    expect(await (await r.get('/issues')).text()).toContain(`Cycle ${tag}`);
    expect(await (await r.get('/feed.xml')).text()).toContain(item.title);
    expect(await (await r.get('/sitemap.xml')).text()).toContain(itemPath);
    for (const path of [...listings, itemPath]) expect(await (await r.get(path)).text(), path).not.toContain(canary);

    await deskAction(deskPage, issue.id, 'Unpublish issue');
    expect((await r.get(`/issues/${issue.number}`)).status()).toBe(404);
    expect((await r.get(itemPath)).status()).toBe(404);
    expect(await (await r.get('/issues')).text()).not.toContain(`Cycle ${tag}`);
    expect(await (await r.get('/feed.xml')).text()).not.toContain(item.title);
    expect(await (await r.get('/sitemap.xml')).text()).not.toContain(itemPath);
  }
  await desk.close();
  await reader.close();
});

test('two instances on one database: a publish through one shows through the other within a second, and with the listener cut nothing unpublished is shown', async ({
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const require = createRequire(import.meta.url);
  const second: ChildProcess = spawn(
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'start', '--port', String(SECOND_PORT)],
    {
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: e2eDatabaseUrl,
        NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
        NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-use-000000',
        QUIRE_SCHEDULER: 'off',
      },
    },
  );
  const other = `http://localhost:${SECOND_PORT}`;
  try {
    await expect
      .poll(async () => (await fetch(`${other}/api/health`).catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200);
    const editor = await makeAccount('EDITOR');
    const tag = uniqueTag();
    const issue = await seedIssue(db, { sections: [{ title: 'Lead' }], coverLabel: `Twin ${tag}` });
    const item = await seedItem(db, { authorId: editor.id, title: `Twin item ${tag}` });
    await placeInSection(db, issue.sections[0]!, [item.id]);
    const path = `/issues/${issue.number}`;
    // The second instance has cached the 404 and the archive.
    expect((await fetch(`${other}${path}`)).status).toBe(404);
    await fetch(`${other}/issues`);

    const desk = await browser.newContext();
    await signInContext(desk, editor);
    const deskPage = await desk.newPage();
    await deskAction(deskPage, issue.id, 'Publish issue');
    const publishedAt = Date.now();
    await expect
      .poll(async () => (await fetch(`${other}${path}`)).status, { timeout: 1000, intervals: [50] })
      .toBe(200);
    expect(await (await fetch(`${other}/issues`)).text()).toContain(`Twin ${tag}`);
    console.log(`[cache] publish visible on the second instance after ${Date.now() - publishedAt} ms`);

    // Cut every listener connection: pages are still served, and an unpublish is not hidden behind the cache.
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'quire-cache-listener'`;
    await deskAction(deskPage, issue.id, 'Unpublish issue');
    expect((await fetch(`${other}${path}`)).status).toBe(404);
    expect(await (await fetch(`${other}/issues`)).text()).not.toContain(`Twin ${tag}`);
    expect((await fetch(`${other}/issues/25`)).status).toBe(200);
    await desk.close();
  } finally {
    second.kill('SIGTERM');
  }
});

test('a change to a meeting a published item shows appears on the cached item and issue pages on the next request', async ({
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedIssue(db, { sections: [{ title: 'Meetings' }], coverLabel: `Meeting ${tag}` });
  const item = await seedItem(db, { authorId: editor.id, title: `Report ${tag}`, kind: 'MEETING_REPORT' });
  await placeInSection(db, issue.sections[0]!, [item.id]);
  const desk = await browser.newContext();
  await signInContext(desk, editor);
  const deskPage = await desk.newPage();
  await deskAction(deskPage, issue.id, 'Publish issue');

  const reader = (await browser.newContext()).request;
  const itemPath = `/issues/${issue.number}/${item.slug}`;
  for (const path of [itemPath, `/issues/${issue.number}`, itemPath]) {
    const body = await (await reader.get(path)).text();
    expect(body, path).toContain('Vienna');
  }
  await deskPage.goto(`/admin/meetings/${item.meetingId}`);
  await deskPage.getByLabel('City').fill(`Riga${tag}`);
  await deskPage.getByRole('button', { name: 'Save meeting' }).click();
  await expect(deskPage.getByRole('status')).toHaveText('Meeting saved.');
  expect(await (await reader.get(itemPath)).text()).toContain(`Riga${tag}`);
  await desk.close();
});
