import { test, expect, signInContext } from '../fixtures';
import { seedItem, uniqueTag } from './seed';

const BAD_ISBN = 'Enter a valid ISBN-10 or ISBN-13 (check the last digit).';

test('adding a publication: a wrong ISBN check digit shows next to the ISBN, nothing typed is lost, then it saves', async ({
  page,
  db,
  makeAccount,
}) => {
  const contributor = await makeAccount('CONTRIBUTOR');
  const title = `Trafficking in Migrants: Quarterly Review ${uniqueTag()}`;
  await signInContext(page.context(), contributor);
  await page.goto('/admin/publications');
  await page.getByRole('link', { name: 'Add a publication' }).click();
  await expect(page).toHaveURL('/admin/publications/new');

  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Authors').fill('F. Laczko and M. Thompson');
  await page.getByLabel('Issuing body').fill('International Organization for Migration');
  await page.getByLabel('Date', { exact: true }).fill('2002-06-01');
  await page.getByLabel('How precise the date is').selectOption('MONTH');
  await page.getByLabel('Kind of publication').selectOption({ label: 'Research report' });
  await page.getByRole('radio', { name: 'Forthcoming (to be released)' }).check();
  await page.getByLabel('Web address').fill('https://example.org/quarterly');
  await page.getByLabel('ISBN').fill('978-92-9068-116-5');
  await page.getByRole('button', { name: 'Add publication' }).click();

  const isbn = page.getByLabel('ISBN');
  await expect(isbn).toHaveAttribute('aria-invalid', 'true');
  await expect(isbn).toHaveAccessibleDescription(new RegExp(BAD_ISBN.replace(/[()]/g, '\\$&')));
  await expect(page.getByRole('group', { name: 'One thing to correct' })).toBeFocused();
  await expect(page).toHaveURL('/admin/publications/new');
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByLabel('Authors')).toHaveValue('F. Laczko and M. Thompson');
  await expect(page.getByLabel('Issuing body')).toHaveValue('International Organization for Migration');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2002-06-01');
  await expect(page.getByLabel('How precise the date is')).toHaveValue('MONTH');
  await expect(page.getByRole('radio', { name: 'Forthcoming (to be released)' })).toBeChecked();
  await expect(page.getByLabel('Web address')).toHaveValue('https://example.org/quarterly');
  await expect(isbn).toHaveValue('978-92-9068-116-5');
  expect(await db.publication.count({ where: { title } })).toBe(0);

  await isbn.fill('978-92-9068-116-8');
  await expect(isbn).not.toHaveAttribute('aria-invalid');
  await page.getByRole('button', { name: 'Add publication' }).click();
  await expect(page).toHaveURL(/\/admin\/publications\/[a-z0-9]+\?saved=new$/);
  await expect(page.getByRole('status')).toContainText('Publication added.');
  const saved = await db.publication.findFirstOrThrow({ where: { title } });
  expect(saved).toMatchObject({
    isbn: '978-92-9068-116-8',
    availability: 'FORTHCOMING',
    datePrecision: 'MONTH',
    kind: 'RESEARCH_REPORT',
    issuingBody: 'International Organization for Migration',
  });
  await expect(page.getByRole('definition').filter({ hasText: 'June 2002' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'To be released' })).toBeVisible();
});

test('editors change a publication: a bad ISBN is refused, a good one saved and found by the search; contributors only read', async ({
  browser,
  db,
  makeAccount,
}) => {
  const [editor, author] = await Promise.all([makeAccount('EDITOR'), makeAccount('CONTRIBUTOR')]);
  const tag = uniqueTag();
  const publication = await db.publication.create({
    data: { title: `Country report ${tag}`, issuingBody: 'US Department of State', kind: 'COUNTRY_REPORT' },
  });
  const review = await seedItem(db, {
    authorId: author.id,
    title: `Review ${tag}`,
    kind: 'PUBLICATION_REVIEW',
    publicationId: publication.id,
  });

  const editorContext = await browser.newContext();
  const authorContext = await browser.newContext();
  try {
    await signInContext(editorContext, editor);
    const page = await editorContext.newPage();
    await page.goto(`/admin/publications/${publication.id}`);
    await expect(
      page
        .getByRole('region', { name: 'Items reviewing this publication' })
        .getByRole('link', { name: `Review ${tag}` }),
    ).toHaveAttribute('href', `/admin/items/${review.id}`);

    // Instant: leaving the field shows the problem before anything is sent.
    await page.getByLabel('ISBN').fill('0-306-40615-3');
    await page.getByLabel('ISBN').blur();
    await expect(page.getByLabel('ISBN')).toHaveAccessibleDescription(new RegExp(BAD_ISBN.replace(/[()]/g, '\\$&')));
    await page.getByRole('button', { name: 'Save publication' }).click();
    await expect(page.getByRole('group', { name: 'One thing to correct' })).toBeVisible();
    expect((await db.publication.findUniqueOrThrow({ where: { id: publication.id } })).isbn).toBeNull();

    await page.getByLabel('ISBN').fill('0-306-40615-2');
    await page.getByRole('button', { name: 'Save publication' }).click();
    await expect(page.getByRole('status')).toHaveText('Publication saved.');
    expect((await db.publication.findUniqueOrThrow({ where: { id: publication.id } })).isbn).toBe('0-306-40615-2');
    await page.reload();
    await expect(page.getByLabel('ISBN')).toHaveValue('0-306-40615-2');

    await page.goto('/admin/publications');
    await page.getByLabel('Search publications').fill('0-306-40615-2');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('row', { name: new RegExp(`Country report ${tag}`) })).toContainText('Country report');

    await signInContext(authorContext, author);
    const authorPage = await authorContext.newPage();
    await authorPage.goto(`/admin/publications/${publication.id}`);
    await expect(authorPage.getByText('Only editors can change publication records.')).toBeVisible();
    await expect(authorPage.getByRole('button', { name: 'Save publication' })).toHaveCount(0);
    await expect(authorPage.getByRole('definition').filter({ hasText: '0-306-40615-2' })).toBeVisible();
    await expect(
      authorPage
        .getByRole('region', { name: 'Your items reviewing this publication' })
        .getByRole('link', { name: `Review ${tag}` }),
    ).toBeVisible();
  } finally {
    await editorContext.close();
    await authorContext.close();
  }
});

test('a record that does not exist is a plain 404', async ({ page, makeAccount }) => {
  await signInContext(page.context(), await makeAccount('EDITOR'));
  expect((await page.goto('/admin/publications/no-such-record'))?.status()).toBe(404);
  expect((await page.goto('/admin/meetings/no-such-record'))?.status()).toBe(404);
});
