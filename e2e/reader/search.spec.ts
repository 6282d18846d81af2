import { test, expect } from '../fixtures';
import { removeReaderIssue, seedReaderIssue, uniqueWord } from './seed';

test('search from the masthead, narrow by a facet, open a result, and come back with the facet kept', async ({
  page,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('EDITOR');
  const w = uniqueWord();
  const country = { kind: 'COUNTRY' as const, name: `Land ${w}`, slug: `land-${w}` };
  const { issue } = await seedReaderIssue(db, author.id, [
    { title: `Permits for victims ${w}`, text: `Temporary permits for trafficked persons, ${w}.`, tags: [country] },
    { title: `Border police ${w}`, text: `Police at the border were trained, ${w}.` },
    {
      title: `Bali conference ${w}`,
      text: `Ministers met on smuggling, ${w}.`,
      meeting: { name: `Conference ${w}`, startDate: new Date('2002-02-26') },
      tags: [country],
    },
  ]);
  try {
    await page.goto('/');
    const masthead = page.getByRole('search', { name: 'Search the bulletin' }).first();
    await masthead.getByRole('searchbox').fill(`trafficking ${w}`);
    await masthead.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(`/search?q=trafficking+${w}`);
    await expect(page.getByRole('status')).toHaveText(`1 result for “trafficking ${w}”.`);
    await expect(page.locator('.search-result h2')).toHaveText([`Permits for victims ${w}`]);
    // The stemmed match is highlighted in the snippet.
    await expect(page.locator('.search-result mark').first()).toBeVisible();

    await page.getByRole('searchbox', { name: 'Words to look for' }).fill(w);
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await expect(page.getByRole('status')).toHaveText(`3 results for “${w}”.`);

    // Narrow by the country facet: its count says what it gives.
    const facets = page.getByRole('navigation', { name: 'Narrow the results' });
    const facetLink = facets.getByRole('link', { name: country.name });
    await expect(facetLink.locator('xpath=..')).toContainText('2');
    await facetLink.click();
    await expect(page).toHaveURL(new RegExp(`country=${country.slug}`));
    await expect(page.getByRole('status')).toHaveText(`2 results for “${w}”.`);
    await expect(page.getByRole('list', { name: 'Chosen facets' })).toContainText(`Country: ${country.name}`);
    await expect(page.locator('.search-result h2')).toHaveCount(2);

    // Open a result, then come back: the facet is still chosen.
    await page.getByRole('link', { name: `Bali conference ${w}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bali conference ${w}`);
    await expect(page).toHaveURL(new RegExp(`/issues/${issue.number}/`));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`country=${country.slug}`));
    await expect(page.getByRole('list', { name: 'Chosen facets' })).toContainText(`Country: ${country.name}`);
    await expect(page.locator('.search-result h2')).toHaveCount(2);

    // Removing the facet widens the results again; a facet that matches nothing says so.
    await page.getByRole('link', { name: new RegExp(`^Country: ${country.name}\\s+\\(remove\\)$`) }).click();
    await expect(page.getByRole('status')).toHaveText(`3 results for “${w}”.`);
    await page.goto(`/search?q=${w}&country=${country.slug}&kind=article&year=1990`);
    await expect(page.getByRole('status')).toHaveText(`No results for “${w}” with these facets.`);
    await expect(page.getByText('Try removing a facet:')).toBeVisible();
  } finally {
    await removeReaderIssue(db, issue.id);
  }
});

test('a snippet of a text containing <script> shows it as text', async ({ page, db, makeAccount }) => {
  const author = await makeAccount('EDITOR');
  const w = uniqueWord();
  const { issue } = await seedReaderIssue(db, author.id, [
    {
      title: `Markup ${w}`,
      text: `The report quoted <script>window.__pwned = true</script> and <b>bold</b> & more about ${w}.`,
    },
  ]);
  try {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await page.goto(`/search?q=${w}`);
    const snippet = page.locator('.search-result__snippet');
    await expect(snippet).toContainText('<script>window.__pwned = true</script>');
    await expect(snippet).toContainText('<b>bold</b> & more');
    await expect(snippet.locator('mark')).toHaveText(w);
    await expect(snippet.locator('script, b')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
  } finally {
    await removeReaderIssue(db, issue.id);
  }
});

test('search works with JavaScript off: the GET form and the facet links', async ({ browser, db, makeAccount }) => {
  const author = await makeAccount('EDITOR');
  const w = uniqueWord();
  const { issue } = await seedReaderIssue(db, author.id, [
    { title: `Article ${w}`, text: `About ${w}.` },
    { title: `Review ${w}`, text: `Also ${w}.`, publication: { title: `Report ${w}` } },
  ]);
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Words to look for' }).fill(w);
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await expect(page.getByRole('status')).toHaveText(`2 results for “${w}”.`);
    await page
      .getByRole('navigation', { name: 'Narrow the results' })
      .getByRole('link', { name: 'Publication review' })
      .click();
    await expect(page).toHaveURL(/kind=publication_review/);
    await expect(page.locator('.search-result h2')).toHaveText([`Review ${w}`]);
  } finally {
    await context.close();
    await removeReaderIssue(db, issue.id);
  }
});
