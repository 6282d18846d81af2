import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { test, expect } from '../fixtures';

/**
 * The public JavaScript budget: every public page loads at most 10 kB of gzipped script more than the
 * framework's floor, an address that matches no route (the root layout and Next's own runtime, nothing
 * of a page). What counts is what Chromium actually fetches and runs while the page loads (Next's
 * `noModule` polyfill script is skipped by every browser with ES modules, so it is not counted), each
 * body gzipped at level 9 here, whatever the server's own compression.
 */
const BUDGET_BYTES = 10 * 1024;
// The floor itself, so that something added to the root layout (a provider, a client widget) cannot
// raise every page together. Next 16 with React 19 measured 136 kB; a framework upgrade may move it.
const FLOOR_CEILING_BYTES = 150 * 1024;
const FLOOR_PATH = '/js-budget-floor-no-such-page';

async function scriptBytes(browser: Browser, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes = new Map<string, number>();
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    reading.push(
      response.body().then((body) => {
        sizes.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
      }),
    );
  });
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  await Promise.all(reading);
  await context.close();
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  return { total, sizes, status: response?.status() };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

test('every public page stays within 10 kB of gzipped script above the framework floor', async ({ browser, page }) => {
  test.setTimeout(120_000);
  // Another unknown address first: every 404 shares Next's not-found render, and a copy of it kept
  // from that request would carry a nonce this request's policy does not allow (it once did).
  expect((await scriptBytes(browser, `${FLOOR_PATH}-before`)).total).toBeGreaterThan(0);
  const floor = await scriptBytes(browser, FLOOR_PATH);
  expect(floor.status).toBe(404);
  expect(
    floor.total,
    `floor ${kB(floor.total)}: ${[...floor.sizes].map(([u, n]) => `${u} ${kB(n)}`).join(', ')}`,
  ).toBeLessThanOrEqual(FLOOR_CEILING_BYTES);
  expect(floor.total).toBeGreaterThan(0);

  // An item and a topic of the demo issue N° 25, found the way a reader finds them.
  await page.goto('/issues/25');
  const itemHref = await page.locator('a[href^="/issues/25/"]').first().getAttribute('href');
  await page.goto('/topics');
  const topicHref = await page.locator('main a[href^="/topics/"]').first().getAttribute('href');
  expect(itemHref).toBeTruthy();
  expect(topicHref).toBeTruthy();

  const paths = [
    '/',
    '/issues',
    '/issues/25',
    itemHref!,
    '/meetings',
    '/publications',
    '/topics',
    topicHref!,
    '/search?q=trafficking',
    '/subscribe',
    '/contribute',
  ];
  const report: string[] = [`floor ${FLOOR_PATH}: ${kB(floor.total)}`];
  const over: string[] = [];
  for (const path of paths) {
    const { total, sizes, status } = await scriptBytes(browser, path);
    expect(status, path).toBe(200);
    const above = total - floor.total;
    const extra = [...sizes].filter(([url]) => !floor.sizes.has(url)).map(([url, n]) => `${url} ${kB(n)}`);
    report.push(
      `${path}: ${kB(total)} (${above >= 0 ? '+' : ''}${kB(above)}${extra.length ? `: ${extra.join(', ')}` : ''})`,
    );
    if (above > BUDGET_BYTES) over.push(path);
  }
  test.info().annotations.push({ type: 'js-budget', description: report.join('\n') });
  console.log(report.join('\n'));
  expect(over, report.join('\n')).toEqual([]);
});

test('the contribution form loads its schema on first focus and then checks fields in the browser', async ({
  page,
}) => {
  await page.goto('/contribute', { waitUntil: 'networkidle' });
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  const name = page.getByLabel('Your name', { exact: true });
  const schemaChunk = page.waitForResponse((r) => r.request().resourceType() === 'script');
  await name.focus();
  await schemaChunk;
  await expect(async () => {
    await name.focus();
    await name.blur();
    await expect(page.locator('#name-error')).toContainText('Enter your name', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  expect(posts, 'the error came from the browser, not from a server round trip').toEqual([]);
});
