import { test, expect, signInByRequest, type TestAccount } from '../fixtures';
import { E2E_NGINX_PORT, E2E_PORT } from '../config';
import { seedIssue, seedItem, placeInSection, uniqueTag, withdraw } from '../issues/seed';
import { startNginx, type RunningNginx } from '@/scripts/lib/nginx';

/**
 * The shipped reverse-proxy cache (deploy/nginx/quire.conf) in front of the test server's `next start`:
 * Debian's nginx runs that very file, with only its upstream, port and cache folder rewritten
 * (scripts/lib/nginx.ts). No nginx is a failure with what to install, never a skip.
 */
const nginxUrl = `http://127.0.0.1:${E2E_NGINX_PORT}`;
let nginx: RunningNginx;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  nginx = await startNginx({ upstream: `127.0.0.1:${E2E_PORT}`, port: E2E_NGINX_PORT });
});
test.afterAll(async () => {
  await nginx?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${nginxUrl}${path}`, { headers: { 'accept-encoding': 'identity', ...headers }, redirect: 'manual' });

/**
 * How long quire.conf keeps this response, in seconds (0: not at all): what the app's Cache-Control
 * allows a shared cache, or, when the app says nothing (feeds today), the config's 1 s micro-cache.
 */
function sharedLifetime(cacheControl: string | null): number {
  if (cacheControl === null) return 1;
  const cc = cacheControl.toLowerCase();
  if (/\b(private|no-store|no-cache)\b/.test(cc)) return 0;
  const m = /\bs-maxage=(\d+)/.exec(cc) ?? /\bmax-age=(\d+)/.exec(cc);
  return m ? Number(m[1]) : 0;
}

test('built assets are kept immutably and compressed; the headers Quire sets pass through', async ({ request }) => {
  const html = await (await get('/issues/25')).text();
  const script = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(script, 'the issue page links its scripts').toBeTruthy();
  await get(script!);
  const second = await get(script!, { cookie: 'next-auth.session-token=anything' });
  expect(second.headers.get('x-cache-status'), 'static files are shared even with a session').toBe('HIT');
  expect(second.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const gz = await get(script!, { 'accept-encoding': 'gzip' });
  expect(gz.headers.get('content-encoding')).toBe('gzip');

  // What the app sets on a page reaches the reader unchanged.
  const direct = await request.get('/issues/25');
  const proxied = await get('/issues/25');
  for (const name of ['x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy']) {
    if (direct.headers()[name] === undefined) continue;
    expect(proxied.headers.get(name), name).toBe(direct.headers()[name]);
  }
  expect(proxied.headers.get('content-security-policy')).toContain('script-src');
  expect(proxied.headers.get('cache-control')).toBe(direct.headers()['cache-control']);
});

test('a session is never answered from the cache and never fills it; Set-Cookie answers are never kept', async ({
  makeAccount,
  playwright,
}) => {
  const editor: TestAccount = await makeAccount('EDITOR');
  const signedIn = await playwright.request.newContext({ baseURL: nginxUrl });
  expect(await signInByRequest(signedIn, editor.email, editor.password)).toBe(true);
  const cookie = (await signedIn.storageState()).cookies.find((c) => /next-auth\.session-token/.test(c.name));
  expect(cookie, 'signing in through nginx sets the session cookie').toBeTruthy();
  const session = { cookie: `theme=plain; ${cookie!.name}=${cookie!.value}` };

  for (const path of ['/', '/issues', '/issues/25', '/meetings', '/feed.xml', '/robots.txt']) {
    const url = `${path}${path.includes('?') ? '&' : '?'}nginx=${uniqueTag()}`;
    const first = await get(url, session);
    expect(first.headers.get('x-cache-status'), `${path} with a session`).toBe('BYPASS');
    // Nothing was stored for it: the first reader goes to the app.
    const reader = await get(url);
    expect(reader.headers.get('x-cache-status'), `${path}: first reader after a session`).toBe('MISS');
    const readerAgain = await get(url);
    const cacheable = sharedLifetime(reader.headers.get('cache-control')) > 0;
    // Whatever the reader's copy is (kept when the app allows it), the session goes past it.
    const again = await get(url, session);
    expect(again.headers.get('x-cache-status'), `${path} with a session, after readers`).toBe('BYPASS');
    test.info().annotations.push({
      type: 'cache',
      description: `${path}: ${reader.headers.get('cache-control')} → second reader ${readerAgain.headers.get('x-cache-status')}${cacheable ? '' : ' (the app forbids shared caching)'}`,
    });
    if (cacheable) expect(readerAgain.headers.get('x-cache-status')).toBe('HIT');
    else expect(readerAgain.headers.get('x-cache-status')).not.toBe('HIT');
  }

  // The back office through nginx: never from the cache, even when asked twice.
  for (let i = 0; i < 2; i++) {
    const admin = await get('/admin', session);
    expect(admin.status).toBe(200);
    expect(admin.headers.get('x-cache-status')).toBe('BYPASS');
  }
  // Health checks are never answered from the cache (a stale 200 would hide an instance that is down).
  for (let i = 0; i < 2; i++) expect((await get('/api/health')).headers.get('x-cache-status')).toBeNull();
  // An answer that sets a cookie (next-auth's CSRF token) is fetched anew for every reader.
  const tokens = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const response = await get('/api/auth/csrf');
    expect(response.headers.get('set-cookie')).toBeTruthy();
    expect(response.headers.get('x-cache-status')).not.toBe('HIT');
    tokens.add(((await response.json()) as { csrfToken: string }).csrfToken);
  }
  expect(tokens.size).toBe(2);
  await signedIn.dispose();
});

test('an issue published by an editor through nginx reaches readers through nginx at once; a draft never does', async ({
  db,
  makeAccount,
  browser,
}) => {
  test.setTimeout(90_000);
  const tag = uniqueTag();
  const editor = await makeAccount('EDITOR');
  const author = await makeAccount('CONTRIBUTOR');
  const issue = await seedIssue(db, { sections: [{ title: 'Lead' }], coverLabel: `Proxy ${tag}` });
  const lead = await seedItem(db, { authorId: author.id, title: `Proxied lead ${tag}` });
  await placeInSection(db, issue.sections[0]!, [lead.id]);
  // A draft canary in another bulletin issue still in production.
  const other = await seedIssue(db, { sections: [{ title: 'Lead' }], coverLabel: `Unpublished ${tag}` });
  const canary = await seedItem(db, { authorId: author.id, title: `Draft canary ${tag}`, state: 'IN_REVIEW' });
  await placeInSection(db, other.sections[0]!, [canary.id]);

  const watched = ['/', '/issues', `/issues/${issue.number}`, '/feed.xml', `/search?q=${tag}`];
  const readAll = async () => {
    const bodies = new Map<string, { status: number; text: string; cache: string | null; cc: string | null }>();
    for (const path of watched) {
      const r = await get(path);
      bodies.set(path, {
        status: r.status,
        text: await r.text(),
        cache: r.headers.get('x-cache-status'),
        cc: r.headers.get('cache-control'),
      });
    }
    return bodies;
  };
  const expectNoCanary = async (bodies: Awaited<ReturnType<typeof readAll>>) => {
    for (const [path, b] of bodies) expect(b.text, path).not.toContain(canary.title);
    expect((await get(`/issues/${other.number}`)).status).toBe(404);
    expect((await get(`/issues/${other.number}/${canary.slug}`)).status).toBe(404);
  };

  // Readers have filled the cache with the pages as they were (the issue: 404).
  await readAll();
  const before = await readAll();
  expect(before.get(`/issues/${issue.number}`)!.status).toBe(404);
  await expectNoCanary(before);
  const lifetime = Math.max(...[`/issues/${issue.number}`, '/issues'].map((p) => sharedLifetime(before.get(p)!.cc)));

  // The editor works through nginx too (the session bypasses the cache; server actions pass its Origin check).
  const deskContext = await browser.newContext({ baseURL: nginxUrl });
  const desk = await deskContext.newPage();
  try {
    expect(await signInByRequest(desk.request, editor.email, editor.password)).toBe(true);
    await desk.goto(`/admin/issues/${issue.id}`);
    await expect(desk.getByTestId('readiness')).toContainText('Ready to publish');
    await desk.getByRole('button', { name: 'Publish issue' }).click();
    await expect(desk.getByTestId('issue-state')).toHaveText('Published');
  } finally {
    await deskContext.close();
  }
  const published = Date.now();

  // nginx counts lifetimes in whole seconds: a page the app lets it keep for s-maxage=n may be served
  // for up to n+1 s (then once more, stale, while it is refreshed). Uncacheable pages: at once.
  const bound = lifetime > 0 ? (lifetime + 1) * 1000 + 500 : 1000;
  let seenAfter = -1;
  while (Date.now() - published < bound + 2000) {
    const r = await get(`/issues/${issue.number}`);
    if (r.status === 200 && (await r.text()).includes(lead.title)) {
      seenAfter = Date.now() - published;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  test.info().annotations.push({
    type: 'publish-to-visible',
    description: `${seenAfter} ms through nginx (shared lifetime the app sends: ${lifetime} s; bound ${bound} ms)`,
  });
  expect(seenAfter, 'the published issue reached a reader through nginx').toBeGreaterThanOrEqual(0);
  expect(seenAfter).toBeLessThanOrEqual(bound);
  // The archive shows it as well, within the same bound.
  await expect
    .poll(async () => (await (await get('/issues')).text()).includes(`Proxy ${tag}`), { timeout: bound + 1000 })
    .toBe(true);
  await expectNoCanary(await readAll());

  await withdraw(db, issue.id);
});
