import { test, expect } from '../fixtures';
import { formatDateRange } from '@/lib/format/dates';

async function publishedIssue(db: Parameters<Parameters<typeof test>[2]>[0]['db'], number: number) {
  return db.issue.findUniqueOrThrow({
    where: { number },
    include: {
      sections: {
        orderBy: { position: 'asc' },
        include: {
          items: {
            where: { state: 'PUBLISHED' },
            orderBy: { position: 'asc' },
            include: { meeting: true, publication: true },
          },
        },
      },
    },
  });
}

test('the home page shows the latest issue with masthead and contents', async ({ page, db }) => {
  const settings = await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
  // N° 25 on the demo content, unless a test running alongside (e2e/issues) has just published a
  // later issue of its own: the page must show whichever is the latest when it is read.
  await expect(async () => {
    const latest = await db.issue.findFirstOrThrow({
      where: { state: 'PUBLISHED' },
      orderBy: { number: 'desc' },
      select: { number: true },
    });
    expect(latest.number).toBeGreaterThanOrEqual(25);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`N° ${latest.number} `, { timeout: 1000 });
    await expect(page.getByRole('navigation', { name: `Contents of N° ${latest.number}` })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole('banner')).toContainText(settings.title);
  await expect(page.getByRole('contentinfo')).toContainText(settings.disclaimer.slice(0, 40));
});

test('issue N° 25 renders every section and item in order', async ({ page, db }) => {
  const issue = await publishedIssue(db, 25);
  await page.goto('/issues/25');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`N° 25 – ${issue.coverLabel}`);

  const sectionsShown = await page.locator('.issue-section__title').allTextContents();
  expect(sectionsShown).toEqual(issue.sections.filter((s) => s.items.length > 0).map((s) => s.title));
  expect(sectionsShown).toEqual([
    'Lead',
    'Meetings and Policy',
    'New Publications',
    'Other Publications',
    'Information Exchange',
  ]);

  const itemsShown = await page.locator('.issue-item__title').allTextContents();
  expect(itemsShown).toEqual(issue.sections.flatMap((s) => s.items.map((i) => i.title)));
});

test('a meeting report shows its meeting dates and place', async ({ page, db }) => {
  const issue = await publishedIssue(db, 25);
  const report = issue.sections
    .flatMap((s) => s.items)
    .find((i) => i.meeting?.city && i.meeting.datePrecision === 'DAY')!;
  const meeting = report.meeting!;
  await page.goto(`/issues/25/${report.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(report.title);
  const facts = page.locator('.facts--meeting');
  await expect(facts).toContainText(formatDateRange(meeting.startDate, meeting.endDate, meeting.datePrecision));
  await expect(facts).toContainText(meeting.city);
  // And on the whole-issue page, inside that item's article.
  await page.goto('/issues/25');
  await expect(page.locator(`article#${report.slug} .facts--meeting`)).toContainText(meeting.city);
});

test('a publication review shows its issuing body and availability', async ({ page, db }) => {
  const issue = await publishedIssue(db, 25);
  const review = issue.sections.flatMap((s) => s.items).find((i) => i.publication?.availability === 'FORTHCOMING')!;
  await page.goto(`/issues/25/${review.slug}`);
  const facts = page.locator('.facts--publication');
  await expect(facts).toContainText(review.publication!.issuingBody);
  await expect(facts).toContainText('To be released');
});

test('an item page lists its sources and topics', async ({ page, db }) => {
  const item = await db.item.findFirstOrThrow({
    where: { state: 'PUBLISHED', sources: { some: {} }, tags: { some: {} }, section: { issue: { number: 25 } } },
    include: { sources: { orderBy: { position: 'asc' } }, tags: { include: { tag: true } } },
  });
  await page.goto(`/issues/25/${item.slug}`);
  await expect(page.getByRole('region', { name: 'Sources' }).getByRole('listitem')).toHaveCount(item.sources.length);
  await expect(page.getByRole('region', { name: 'Sources' })).toContainText(item.sources[0]!.name);
  await expect(page.getByRole('region', { name: 'Topics' })).toContainText(item.tags[0]!.tag.name);
});

test('the archive, meetings and publications pages list published content', async ({ page, db }) => {
  await page.goto('/issues');
  await expect(page.getByRole('heading', { name: '2002' })).toBeVisible();
  await expect(page.getByRole('link', { name: /N° 25/ })).toBeVisible();

  // The demo issue's own records: other specs running beside this one add and remove theirs.
  const inDemoIssue = { items: { some: { state: 'PUBLISHED' as const, section: { issue: { number: 25 } } } } };
  await page.goto('/meetings');
  const meetings = await db.meeting.findMany({ where: inDemoIssue });
  expect(meetings.length).toBeGreaterThan(0);
  for (const m of meetings) await expect(page.getByRole('heading', { name: m.name })).toBeVisible();

  await page.goto('/publications');
  const publications = await db.publication.findMany({ where: inDemoIssue });
  expect(publications.length).toBeGreaterThan(0);
  for (const p of publications) await expect(page.getByRole('heading', { name: p.title })).toBeVisible();
});

test('/api/health answers 200 with the database up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});
