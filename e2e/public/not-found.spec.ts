import { test, expect } from '../fixtures';

const publicPages = ['/', '/issues', '/issues/25', '/meetings', '/publications'];

test('the unpublished N° 26 and each of its items answer 404, and their titles appear in no public page', async ({
  page,
  request,
  db,
}) => {
  const n26 = await db.issue.findUniqueOrThrow({
    where: { number: 26 },
    include: { sections: { include: { items: true } } },
  });
  const items = n26.sections.flatMap((s) => s.items);
  expect(items.length).toBeGreaterThanOrEqual(4);
  expect(n26.state).not.toBe('PUBLISHED');

  const hidden = [`/issues/26`, ...items.flatMap((i) => [`/issues/26/${i.slug}`, `/issues/25/${i.slug}`])];
  for (const url of hidden) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
  }

  const n25Items = await db.item.findMany({
    where: { state: 'PUBLISHED', section: { issue: { number: 25 } } },
    select: { slug: true },
  });
  const pages = [...publicPages, ...n25Items.map((i) => `/issues/25/${i.slug}`), ...hidden];
  for (const url of pages) {
    // The HTML and the React Server Component payload a client-side navigation would fetch.
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const body = await (await request.get(url, { headers })).text();
      for (const item of items) {
        expect(body.includes(item.title), `${item.title} leaked on ${url} ${JSON.stringify(headers)}`).toBe(false);
        if (item.standfirst) expect(body.includes(item.standfirst), `standfirst leaked on ${url}`).toBe(false);
      }
    }
  }

  // And the designed 404 page, with the site around it.
  await page.goto('/issues/26');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the bulletin');
  await expect(page.getByRole('banner')).toBeVisible();
});

for (const url of [
  '/issues/abc',
  '/issues/25.5',
  '/issues/-1',
  '/issues/0',
  '/issues/99999999999999999999',
  '/issues/25/NOT_A_SLUG',
  '/issues/25/%E0%A4%A',
  '/issues/25/a/b',
  '/no-such-page',
]) {
  test(`a malformed or unknown address gives the designed 404: ${url}`, async ({ page }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the bulletin');
    await expect(page.getByRole('link', { name: 'The archive' })).toBeVisible();
  });
}
