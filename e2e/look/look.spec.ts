import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { seedIssue, seedItem } from '../issues/seed';
import { removeReaderIssue, seedReaderIssue, uniqueWord } from '../reader/seed';
import { E2E_PORT } from '../config';

/**
 * The public site's look: its own typefaces (self-hosted), its icons, the home page's right column
 * (published things only), and accessibility (axe, WCAG 2.1 AA contrast included) on phone and desk.
 */

const origin = `http://localhost:${E2E_PORT}`;

async function firstItemPath(page: Page) {
  await page.goto('/issues/25');
  return (await page.locator('.issue-item__title a').first().getAttribute('href'))!;
}

test('text and headlines are set in Source Serif 4 and labels in Source Sans 3, both from this site', async ({
  page,
}) => {
  const fontRequests: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fontRequests.push(r.url());
  });
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'font' && r.status() !== 200) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(await firstItemPath(page));
  await page.evaluate(() => document.fonts.ready);

  const family = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily.split(',')[0]!.trim());
  expect(await family('h1')).toMatch(/^"?Quire Serif"?$/);
  expect(await family('.prose p')).toMatch(/^"?Quire Serif"?$/);
  expect(await family('.masthead__title')).toMatch(/^"?Quire Serif"?$/);
  expect(await family('.kicker')).toMatch(/^"?Quire Sans"?$/);
  expect(await family('.site-nav a')).toMatch(/^"?Quire Sans"?$/);
  // Headlines are no longer bold system sans: a firm serif weight, not 700.
  expect(Number(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontWeight))).toBeLessThan(700);

  // The faces really loaded (not a fallback), in the styles the page uses.
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.style}`),
  );
  expect(loaded).toEqual(expect.arrayContaining(['Quire Serif normal', 'Quire Serif italic', 'Quire Sans normal']));
  // From this site only, and every one answered.
  expect(fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(url.startsWith(`${origin}/_next/static/`), url).toBe(true);
  expect(failed).toEqual([]);
});

test('the favicon and app icons answer, and pages link them', async ({ page, request }) => {
  test.setTimeout(90_000);
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  for (const path of ['/', '/issues/25']) {
    await page.goto(path);
    const icons = await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((l) => ({ rel: l.getAttribute('rel'), href: l.getAttribute('href')! })));
    expect(icons.map((i) => i.rel)).toEqual(expect.arrayContaining(['icon', 'apple-touch-icon']));
    // Fetched by the page itself, as a browser fetches its icons.
    for (const icon of icons) {
      const res = await page.evaluate(async (href) => {
        const r = await fetch(href);
        return { status: r.status, type: r.headers.get('content-type') ?? '' };
      }, icon.href);
      expect(res.status, icon.href).toBe(200);
      expect(res.type, icon.href).toMatch(/^image\//);
    }
  }
  expect(missing).toEqual([]);
});

test('the home page column lists recent issues, meetings and new publications, and nothing unpublished', async ({
  page,
  request,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('EDITOR');
  const w = uniqueWord();
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const day = new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate()));
  const { issue, items } = await seedReaderIssue(db, author.id, [
    { title: `Report ${w}`, text: 'A report.', meeting: { name: `Meeting ${w}`, startDate: day, city: 'Vienna' } },
    { title: `Review ${w}`, text: 'A review.', publication: { title: `Publication ${w}`, issuingBody: 'UNODC' } },
  ]);
  // Newest of all, so that it is listed first.
  await db.publication.update({ where: { id: items[1]!.publicationId! }, data: { date: new Date('2099-01-01') } });

  // The canaries: a meeting and a publication that only a draft refers to, dated so that they would
  // come first if they leaked, and a bulletin issue still in production.
  const canary = `Canary${uniqueWord('')}`;
  const draftReport = await seedItem(db, {
    authorId: author.id,
    title: `Draft report ${canary}`,
    kind: 'MEETING_REPORT',
    state: 'DRAFT',
  });
  const draftReview = await seedItem(db, {
    authorId: author.id,
    title: `Draft review ${canary}`,
    kind: 'PUBLICATION_REVIEW',
    state: 'DRAFT',
  });
  await db.meeting.update({
    where: { id: draftReport.meetingId! },
    data: { name: `AAA meeting ${canary}`, startDate: day, endDate: null },
  });
  await db.publication.update({
    where: { id: draftReview.publicationId! },
    data: { title: `Publication ${canary}`, date: new Date('2099-06-01') },
  });
  const planned = await seedIssue(db, { state: 'IN_PRODUCTION', sections: [{ title: 'Lead' }], coverLabel: canary });
  try {
    const column = page.getByRole('complementary', { name: 'More from the bulletin' });
    await page.goto('/');
    const meetings = column.getByRole('region', { name: 'Upcoming meetings' });
    await expect(meetings.getByRole('link', { name: `Meeting ${w}` })).toHaveAttribute(
      'href',
      `/meetings#meeting-${items[0]!.meetingId}`,
    );
    await expect(meetings).toContainText('Vienna');
    const publications = column.getByRole('region', { name: 'New publications' });
    await expect(publications.getByRole('listitem').first()).toContainText(`Publication ${w}`);
    await expect(publications.getByRole('listitem').first()).toContainText('UNODC');
    await publications.getByRole('link', { name: `Publication ${w}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Publication ${w}`);

    // Recent issues: the published ones, newest first, without the latest (it fills the page).
    await expect(async () => {
      const published = await db.issue.findMany({
        where: { state: 'PUBLISHED' },
        orderBy: { number: 'desc' },
        take: 6,
        select: { number: true, coverLabel: true },
      });
      await page.goto('/');
      await expect(column.getByRole('region', { name: 'Recent issues' }).getByRole('listitem')).toHaveText(
        published.slice(1, 6).map((i) => `N° ${i.number} – ${i.coverLabel}`),
        { timeout: 1000 },
      );
    }).toPass({ timeout: 20_000 });

    // Nothing unpublished, in the page or in its RSC payload.
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const body = await (await request.get('/', { headers })).text();
      expect(body).toContain(`Meeting ${w}`);
      expect(body).not.toContain(canary);
    }
  } finally {
    await db.item.deleteMany({ where: { id: { in: [draftReport.id, draftReview.id] } } });
    await db.meeting.delete({ where: { id: draftReport.meetingId! } });
    await db.publication.delete({ where: { id: draftReview.publicationId! } });
    await db.section.deleteMany({ where: { issueId: planned.id } });
    await db.issue.delete({ where: { id: planned.id } });
    await removeReaderIssue(db, issue.id);
  }
});

const AXE_PAGES = [
  '/',
  '/issues',
  '/issues/25',
  'item',
  '/meetings',
  '/publications',
  '/topics',
  '/search?q=visa',
  '/contribute',
  '/subscribe',
  '/no-such-page',
];

for (const width of [390, 1280]) {
  for (const path of AXE_PAGES) {
    test(`${path} has no axe violations (WCAG 2.1 AA, contrast included) and no sideways scrolling at ${width} px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path === 'item' ? await firstItemPath(page) : path);
      await page.evaluate(() => document.fonts.ready);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = result.violations.map((v) => ({
        rule: v.id,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      }));
      expect(violations).toEqual([]);
      // The contrast rule really ran on this page's text (WCAG AA: 4.5:1, 3:1 for large text).
      expect(result.passes.map((p) => p.id)).toContain('color-contrast');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}

test('print: the masthead, the contents and the text, without navigation or the home column', async ({ page }) => {
  await page.goto('/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-nav')).toBeHidden();
  await expect(page.locator('.masthead-search')).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'More from the bulletin' })).toBeHidden();
  await expect(page.locator('.masthead__title')).toBeVisible();
  await expect(page.locator('.contents')).toBeVisible();
  // Across the page, not squeezed into the screen's left column.
  const share = await page
    .locator('.contents')
    .evaluate((el) => el.getBoundingClientRect().width / document.documentElement.clientWidth);
  expect(share).toBeGreaterThan(0.8);
  await page.goto('/issues/25');
  await page.emulateMedia({ media: 'print' });
  expect(
    await page
      .locator('.issue-section')
      .first()
      .evaluate((el) => getComputedStyle(el).columnCount),
  ).toBe('2');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
