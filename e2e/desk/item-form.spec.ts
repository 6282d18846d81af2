import { test, expect, signInContext } from '../fixtures';
import { expectSaved, saveStatus, seedItem, seedPublishedIssue, uniqueTag } from './desk-helpers';

test('a publication review from scratch: autosave creates the draft; pick or create the publication; tags picked or added; sources reordered', async ({
  page,
  db,
  makeAccount,
}) => {
  test.setTimeout(90_000);
  const contributor = await makeAccount('CONTRIBUTOR');
  const tag = uniqueTag();
  const existing = await db.publication.create({
    data: { title: `Migrant smuggling in Asia ${tag}`, issuingBody: 'UNODC', kind: 'RESEARCH_REPORT' },
  });
  const theme = await db.tag.create({ data: { kind: 'THEME', name: `Smuggling ${tag}`, slug: `smuggling-${tag}` } });
  await signInContext(page.context(), contributor);

  await page.goto('/admin/items/new?kind=publication_review');
  await expect(saveStatus(page)).toHaveText('Not saved yet');
  await page.getByLabel('Title', { exact: true }).fill(`A review ${tag}`);
  // A few seconds after typing stops, the draft is created and the address becomes the item's own.
  await expectSaved(page);
  await expect(page).toHaveURL(/\/admin\/items\/[a-z0-9]+$/);
  const itemId = page.url().split('/').pop()!;
  expect(await db.item.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
    kind: 'PUBLICATION_REVIEW',
    state: 'DRAFT',
    authorId: contributor.id,
  });

  // Pick an existing publication by searching for it.
  const picker = page.getByRole('group', { name: 'Publication' });
  await picker.getByLabel('Find a publication').fill(`asia ${tag}`);
  await picker.getByRole('button', { name: `Choose ${existing.title}` }).click();
  await expect(page.getByTestId('publication-selected')).toContainText(existing.title);
  await expect(page.getByTestId('publication-selected')).toContainText('UNODC');

  // Or create one without leaving the page: the schema's errors first, then the record.
  await picker.getByRole('button', { name: 'Change publication' }).click();
  await picker.getByRole('button', { name: 'New publication' }).click();
  const form = page.getByRole('group', { name: 'New publication' });
  await form.getByLabel('Title of the publication').fill(`Trafficking in Kosovo ${tag}`);
  await form.getByLabel('ISBN').fill('978-0-306-40615-8');
  await form.getByLabel('Link', { exact: true }).fill('ftp://example.org/report');
  await form.getByRole('button', { name: 'Create publication' }).click();
  await expect(form.locator('#new-publication-isbn-error')).toHaveText(
    'Enter a valid ISBN-10 or ISBN-13 (check the last digit).',
  );
  await expect(form.locator('#new-publication-url-error')).toHaveText(
    'Enter a full web address starting with http:// or https://.',
  );
  await form.getByLabel('ISBN').fill('978-0-306-40615-7');
  await form.getByLabel('Link', { exact: true }).fill('https://www.iom.int/kosovo');
  await form.getByLabel('Issuing body').fill('IOM');
  await form.getByLabel('Kind').selectOption({ label: 'Assessment' });
  await form.getByLabel('Availability').selectOption({ label: 'To be released' });
  await form.getByRole('button', { name: 'Create publication' }).click();
  await expect(page.getByTestId('publication-selected')).toContainText(`Trafficking in Kosovo ${tag}`);
  await expect(page.getByTestId('publication-selected')).toContainText('IOM · Assessment · To be released');

  // Tags: an existing one keeps its spelling; a new one is added.
  await page.getByLabel('Kind of tag').selectOption('THEME');
  await page.getByLabel('Tag name').fill(`SMUGGLING ${tag}`);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Kind of tag').selectOption('REGION');
  await page.getByLabel('Tag name').fill(`Balkans ${tag}`);
  await page.getByLabel('Tag name').press('Enter');
  await expect(page.getByRole('list', { name: 'Tags of this item' }).getByRole('listitem')).toHaveText([
    `Theme: Smuggling ${tag}×`,
    `Region: Balkans ${tag}×`,
  ]);

  // Sources, then the second moved first.
  const sources = page.getByRole('group', { name: 'Sources' });
  await sources.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('group', { name: 'Source 1' }).getByLabel('Name').fill('Reuters');
  await sources.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('group', { name: 'Source 2' }).getByLabel('Name').fill('BBC');
  await page.getByRole('button', { name: 'Move source 2 up' }).click();
  await expect(page.getByRole('group', { name: 'Source 1' }).getByLabel('Name')).toHaveValue('BBC');

  // The explicit save goes on to the item's own page, where the workflow is.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();
  await expectSaved(page);
  const row = await db.item.findUniqueOrThrow({
    where: { id: itemId },
    include: { publication: true, sources: { orderBy: { position: 'asc' } }, tags: { include: { tag: true } } },
  });
  expect(row.publication).toMatchObject({
    title: `Trafficking in Kosovo ${tag}`,
    isbn: '978-0-306-40615-7',
    kind: 'ASSESSMENT',
    availability: 'FORTHCOMING',
    url: 'https://www.iom.int/kosovo',
  });
  expect(row.sources.map((s) => s.name)).toEqual(['BBC', 'Reuters']);
  expect(row.tags.map((t) => t.tag.id)).toContain(theme.id);
  expect(row.tags.map((t) => `${t.tag.kind}:${t.tag.name}`).sort()).toEqual([
    `REGION:Balkans ${tag}`,
    `THEME:Smuggling ${tag}`,
  ]);
  await expect(page.getByTestId('publication-selected')).toContainText(`Trafficking in Kosovo ${tag}`);
  await expect(page.getByRole('group', { name: 'Source 1' }).getByLabel('Name')).toHaveValue('BBC');
});

test('a slug already used in the item’s bulletin issue is refused next to the slug, and the typing stays', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const issue = await seedPublishedIssue(db);
  const placed = { issueId: issue.id, sectionId: issue.sections[0]!.id };
  const first = await seedItem(db, { authorId: editor.id, state: 'PUBLISHED', issue: placed });
  const second = await seedItem(db, { authorId: editor.id, state: 'PUBLISHED', issue: placed });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/items/${second.id}`);
  await page.getByLabel('Standfirst').fill('Kept while the slug is wrong.');
  await page.getByLabel('Slug').fill(first.slug);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#item-slug-error')).toHaveText(
    'Another item in this bulletin issue already uses this slug: choose another.',
  );
  await expect(saveStatus(page)).toHaveText('Not saved: correct the fields marked below.');
  await expect(page.getByLabel('Standfirst')).toHaveValue('Kept while the slug is wrong.');
  expect((await db.item.findUniqueOrThrow({ where: { id: second.id } })).slug).toBe(second.slug);
  await page.getByLabel('Slug').fill(`${second.slug}-renamed`);
  await expect(page.locator('#item-slug-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  expect((await db.item.findUniqueOrThrow({ where: { id: second.id } })).slug).toBe(`${second.slug}-renamed`);
});
