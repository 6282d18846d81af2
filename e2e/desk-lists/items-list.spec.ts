import { test, expect, signInContext } from '../fixtures';
import type { Page } from '@playwright/test';
import { removeIssue, seedComments, seedIssue, seedItem, uniqueTag } from './seed';

/** The titles in the item table (row headers), in order; assertions on it retry until the page shows them. */
const titles = (page: Page) => page.getByRole('table').locator('tbody th[scope="row"]');

test('a contributor lists and searches only their own items, whatever the URL asks for', async ({
  page,
  db,
  makeAccount,
}) => {
  const [me, other] = await Promise.all([makeAccount('CONTRIBUTOR'), makeAccount('CONTRIBUTOR')]);
  const word = `harbour${uniqueTag()}`;
  // Full-text search drops common words ("only", "theirs"): their items carry a word of their own.
  const theirWord = `jetty${uniqueTag()}`;
  await seedItem(db, { authorId: me.id, title: `Mine ${word}` });
  await seedItem(db, { authorId: other.id, title: `Theirs ${word} ${theirWord}`, state: 'IN_REVIEW' });
  await seedItem(db, { authorId: other.id, title: `Only theirs ${word} ${theirWord}` });

  await signInContext(page.context(), me);
  await page.goto('/admin/items');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Items');
  // No author filter and no author column: there is only one author.
  await expect(page.getByLabel('Author')).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Author' })).toHaveCount(0);

  await page.getByLabel('Search', { exact: true }).fill(word);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(`/admin/items?q=${word}`);
  await expect(titles(page)).toHaveText([`Mine ${word}`]);
  await expect(page.getByRole('status')).toHaveText('1 item matches these filters.');

  // Someone else's id in the URL changes nothing; their titles find nothing.
  await page.goto(`/admin/items?author=${other.id}&q=${word}`);
  await expect(titles(page)).toHaveText([`Mine ${word}`]);
  await page.goto(`/admin/items?q=${encodeURIComponent(`Only theirs ${word} ${theirWord}`)}`);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('No items match these filters.');
  await expect(page.locator('main')).not.toContainText('theirs');
});

test('editors filter by kind, state, author, bulletin issue and tag; the filters live in the URL and survive a reload', async ({
  page,
  db,
  makeAccount,
}) => {
  const [a, b, editor] = await Promise.all([
    makeAccount('CONTRIBUTOR'),
    makeAccount('CONTRIBUTOR'),
    makeAccount('EDITOR'),
  ]);
  const word = `quay${uniqueTag()}`;
  const theme = await db.tag.create({ data: { kind: 'THEME', name: `Theme ${word}`, slug: `theme-${word}` } });
  const issue = await seedIssue(db, `Filters ${word}`);
  try {
    const at = (s: number) => new Date(Date.now() - s * 1000);
    await seedItem(db, { authorId: a.id, title: `Alpha ${word}`, tagIds: [theme.id], updatedAt: at(40) });
    const beta = await seedItem(db, {
      authorId: a.id,
      title: `Beta ${word}`,
      kind: 'MEETING_REPORT',
      state: 'IN_REVIEW',
      updatedAt: at(30),
    });
    await seedComments(db, beta.id, editor.id, 2, 1);
    await seedItem(db, {
      authorId: b.id,
      title: `Gamma ${word}`,
      kind: 'PUBLICATION_REVIEW',
      state: 'APPROVED',
      section: { id: issue.sections[0]!.id, issueId: issue.id },
      updatedAt: at(20),
    });
    await seedItem(db, {
      authorId: b.id,
      title: `Delta ${word}`,
      state: 'APPROVED',
      tagIds: [theme.id],
      updatedAt: at(10),
    });

    await signInContext(page.context(), editor);
    await page.goto('/admin/items');
    await page.getByLabel('Search', { exact: true }).fill(word);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(`/admin/items?q=${word}`);
    await expect(titles(page)).toHaveText([`Delta ${word}`, `Gamma ${word}`, `Beta ${word}`, `Alpha ${word}`]);
    await expect(page.getByRole('table')).toHaveAccessibleName(
      'Items matching the filters: 1–4 of 4, most recently changed first',
    );
    await expect(page.getByRole('columnheader', { name: /Last changed/ })).toHaveAttribute('aria-sort', 'descending');

    // A row says what it is: kind, state, author, issue, open comments (resolved ones do not count).
    const betaRow = page.getByRole('row', { name: new RegExp(`Beta ${word}`) });
    await expect(betaRow.getByRole('cell')).toHaveText([
      'Meeting report',
      'In review',
      a.name,
      'Not placed',
      '2',
      /UTC/,
    ]);
    await expect(
      page
        .getByRole('row', { name: new RegExp(`Gamma ${word}`) })
        .getByRole('cell')
        .nth(3),
    ).toHaveText(`N° ${issue.number}`);

    // Kind and state, with the form.
    await page.getByLabel('Kind').selectOption({ label: 'Article' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(`/admin/items?q=${word}&kind=article`);
    await expect(titles(page)).toHaveText([`Delta ${word}`, `Alpha ${word}`]);
    await page.getByLabel('State').selectOption({ label: 'Approved' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(`/admin/items?q=${word}&kind=article&state=approved`);
    await expect(titles(page)).toHaveText([`Delta ${word}`]);

    // A reload (or a bookmark) shows the same list, and the form shows the same filters.
    await page.reload();
    await expect(titles(page)).toHaveText([`Delta ${word}`]);
    await expect(page.getByLabel('Search', { exact: true })).toHaveValue(word);
    await expect(page.getByLabel('Kind')).toHaveValue('article');
    await expect(page.getByLabel('State')).toHaveValue('approved');

    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL('/admin/items');
    await expect(page.getByLabel('Kind')).toHaveValue('');

    // Bulletin issue: one issue, or none.
    await page.goto(`/admin/items?q=${word}`);
    await page.getByLabel('Bulletin issue').selectOption({ label: `N° ${issue.number} – Filters ${word}` });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(`/admin/items?q=${word}&issue=${issue.id}`);
    await expect(titles(page)).toHaveText([`Gamma ${word}`]);
    await page.getByLabel('Bulletin issue').selectOption({ label: 'Not placed in an issue' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(titles(page)).toHaveText([`Delta ${word}`, `Beta ${word}`, `Alpha ${word}`]);

    // Author and tag.
    await page.goto(`/admin/items?q=${word}`);
    await page.getByLabel('Author').selectOption({ label: b.name });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(`/admin/items?q=${word}&author=${b.id}`);
    await expect(titles(page)).toHaveText([`Delta ${word}`, `Gamma ${word}`]);
    await page.goto(`/admin/items?q=${word}&tag=${theme.id}`);
    await expect(page.getByLabel('Tag')).toHaveValue(theme.id);
    await expect(titles(page)).toHaveText([`Delta ${word}`, `Alpha ${word}`]);
    await page.reload();
    await expect(titles(page)).toHaveText([`Delta ${word}`, `Alpha ${word}`]);

    // Nothing matches: said so, with a way back.
    await page.goto(`/admin/items?q=${word}&kind=meeting_report&state=approved`);
    await expect(page.getByRole('status')).toHaveText('No items match these filters.');
    await expect(page.getByRole('link', { name: 'see every item' })).toHaveAttribute('href', '/admin/items');
  } finally {
    await removeIssue(db, issue.id);
  }
});

test('25 items to a page: next, previous and numbered pages keep the filters, and survive a reload', async ({
  page,
  db,
  makeAccount,
}) => {
  const [author, editor] = await Promise.all([makeAccount('CONTRIBUTOR'), makeAccount('EDITOR')]);
  const word = `pier${uniqueTag()}`;
  const start = Date.now() - 3_600_000;
  // Item n changed n seconds after the first: newest first is 30, 29, … 1.
  for (let n = 1; n <= 30; n++)
    await seedItem(db, {
      authorId: author.id,
      title: `Item ${String(n).padStart(2, '0')} ${word}`,
      updatedAt: new Date(start + n * 1000),
    });

  await signInContext(page.context(), editor);
  await page.goto(`/admin/items?q=${word}`);
  await expect(titles(page)).toHaveCount(25);
  await expect(titles(page).first()).toHaveText(`Item 30 ${word}`);
  await expect(titles(page).last()).toHaveText(`Item 06 ${word}`);
  await expect(page.getByRole('table')).toHaveAccessibleName(
    'Items matching the filters: 1–25 of 30, most recently changed first; page 1 of 2',
  );

  const pages = page.getByRole('navigation', { name: 'Pages of items' });
  await expect(pages.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  await pages.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(`/admin/items?q=${word}&page=2`);
  await expect(titles(page)).toHaveText([5, 4, 3, 2, 1].map((n) => `Item 0${n} ${word}`));
  await expect(page.getByRole('table')).toHaveAccessibleName(
    'Items matching the filters: 26–30 of 30, most recently changed first; page 2 of 2',
  );
  await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(pages.getByRole('link', { name: 'Next page' })).toHaveCount(0);

  await page.reload();
  await expect(titles(page)).toHaveCount(5);
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue(word);

  await pages.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(`/admin/items?q=${word}`);
  await expect(titles(page)).toHaveCount(25);
  await pages.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(`/admin/items?q=${word}&page=2`);

  // Past the end: said so, with the way to the last page.
  await page.goto(`/admin/items?q=${word}&page=9`);
  await expect(page.getByText('There is no page 9: the list has 2 pages.')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the last page' }).click();
  await expect(page).toHaveURL(`/admin/items?q=${word}&page=2`);
});
