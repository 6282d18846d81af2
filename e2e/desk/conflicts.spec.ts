import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, signInContext, type TestAccount } from '../fixtures';
import { bodyEditor, caretToEnd, expectSaved, saveStatus, seedItem, uniqueTag } from './desk-helpers';

async function openAs(contexts: BrowserContext[], browser: Browser, account: TestAccount, path: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  await signInContext(context, account);
  const page = await context.newPage();
  await page.goto(path);
  await expect(saveStatus(page)).toHaveText(/^Saved/);
  return page;
}

const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true }).click();

test('two people edit one item: the second save is refused with the conflict view; keep mine on top keeps both people’s text', async ({
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const author = await makeAccount('CONTRIBUTOR');
  const [alice, bob] = [await makeAccount('EDITOR'), await makeAccount('EDITOR')];
  const item = await seedItem(db, {
    authorId: author.id,
    title: `Boats from Java ${tag}`,
    standfirst: 'The original standfirst.',
    paragraphs: ['Boats left from the coast of Java.'],
  });
  const contexts: BrowserContext[] = [];
  try {
    const a = await openAs(contexts, browser, alice, `/admin/items/${item.id}`);
    const b = await openAs(contexts, browser, bob, `/admin/items/${item.id}`);

    // Alice adds to the text and saves first.
    await caretToEnd(a);
    await a.keyboard.type(' Alice: they carried 200 people.');
    await save(a);
    await expectSaved(a);

    // Bob, still on the version he opened, changes the title and the standfirst.
    const bobTitle = `Boats from Java, revised ${tag}`;
    await b.getByLabel('Title', { exact: true }).fill(bobTitle);
    await b.getByLabel('Standfirst').fill('Bob’s standfirst.');
    await save(b);
    const conflict = b.getByTestId('conflict-view');
    await expect(conflict).toBeVisible();
    await expect(saveStatus(b)).toHaveText(/^Not saved: someone else changed this item/);
    await expect(conflict).toContainText(`${alice.name} saved it at`);
    await expect(b.getByTestId('their-changes').locator('[data-field="body"] ins')).toContainText(
      'Alice: they carried 200 people.',
    );
    await expect(b.getByTestId('your-changes').locator('[data-field="title"] ins')).toContainText('revised');
    await expect(conflict).toContainText(
      'Your changes to Title, Standfirst are applied to their version. Their changes to Text stay.',
    );

    // Refused: nothing of Bob's reached the item, but his text is kept as a revision.
    let row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ title: `Boats from Java ${tag}`, standfirst: 'The original standfirst.', version: 2 });
    const kept = await db.revision.findFirstOrThrow({ where: { itemId: item.id, kind: 'CONFLICT' } });
    expect(kept.authorId).toBe(bob.id);
    expect(kept.snapshot).toMatchObject({ title: bobTitle, standfirst: 'Bob’s standfirst.' });

    await conflict.getByRole('button', { name: 'Keep mine on top' }).click();
    await expectSaved(b);
    await expect(b.getByTestId('conflict-view')).toHaveCount(0);
    await expect(bodyEditor(b)).toContainText('Alice: they carried 200 people.');
    row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ title: bobTitle, standfirst: 'Bob’s standfirst.', version: 3 });
    expect(row.bodyText).toBe('Boats left from the coast of Java. Alice: they carried 200 people.');

    // Alice, still on her version, writes more: now she is the one refused, and keeps hers on top of Bob's.
    await caretToEnd(a);
    await a.keyboard.type(' Alice again.');
    await save(a);
    await expect(a.getByTestId('conflict-view')).toContainText(`${bob.name} saved it at`);
    await expect(a.getByTestId('their-changes').locator('[data-field="standfirst"] ins')).toHaveText('Bob’s');
    await expect(a.getByTestId('their-changes').locator('[data-field="standfirst"] del')).toHaveText('The original');
    await a.getByRole('button', { name: 'Keep mine on top' }).click();
    await expectSaved(a);
    await expect(a.getByLabel('Title', { exact: true })).toHaveValue(bobTitle);
    row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ title: bobTitle, standfirst: 'Bob’s standfirst.', version: 4 });
    expect(row.bodyText).toBe('Boats left from the coast of Java. Alice: they carried 200 people. Alice again.');
  } finally {
    for (const c of contexts) await c.close();
  }
});

test('both change the text: the conflict asks whose to keep; taking theirs loads it and keeps mine in the history', async ({
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const [alice, bob] = [await makeAccount('EDITOR'), await makeAccount('EDITOR')];
  const item = await seedItem(db, {
    authorId: alice.id,
    title: `Smuggling routes ${tag}`,
    paragraphs: ['Routes ran through Malaysia.'],
  });
  const contexts: BrowserContext[] = [];
  try {
    const a = await openAs(contexts, browser, alice, `/admin/items/${item.id}`);
    const b = await openAs(contexts, browser, bob, `/admin/items/${item.id}`);
    await caretToEnd(a);
    await a.keyboard.type(' Alice was here.');
    await save(a);
    await expectSaved(a);

    await caretToEnd(b);
    await b.keyboard.type(' Bob was here.');
    await save(b);
    const conflict = b.getByTestId('conflict-view');
    const choice = conflict.getByRole('group', { name: 'Text: you both changed it. Keep' });
    await expect(choice.getByLabel('my version')).toBeChecked();
    await expect(b.getByTestId('your-changes').locator('[data-field="body"] ins')).toContainText('Bob');
    await expect(b.getByTestId('your-changes').locator('[data-field="body"] del')).toContainText('Alice');

    await conflict.getByRole('button', { name: 'Take theirs' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(bodyEditor(b)).toHaveText('Routes ran through Malaysia. Alice was here.');
    await expect(saveStatus(b)).toHaveText(/^Saved at/);
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).bodyText).toBe(
      'Routes ran through Malaysia. Alice was here.',
    );
    // Bob's text is not lost: it is the refused save kept in the history.
    const kept = await db.revision.findFirstOrThrow({ where: { itemId: item.id, kind: 'CONFLICT', authorId: bob.id } });
    expect(JSON.stringify(kept.snapshot)).toContain('Routes ran through Malaysia. Bob was here.');
    await b.goto(`/admin/items/${item.id}/history`);
    await expect(b.locator(`tr[data-revision="${kept.number}"]`)).toContainText('Refused save, kept');
    await expect(b.locator(`tr[data-revision="${kept.number}"]`)).toContainText(bob.name);

    // Having taken theirs, Bob saves on top of the current version without a conflict.
    await b.goto(`/admin/items/${item.id}`);
    await caretToEnd(b);
    await b.keyboard.type(' Bob, later.');
    await save(b);
    await expectSaved(b);
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).bodyText).toBe(
      'Routes ran through Malaysia. Alice was here. Bob, later.',
    );
  } finally {
    for (const c of contexts) await c.close();
  }
});

test('unsaved changes: the status line says so, autosave saves them, and leaving first asks', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const item = await seedItem(db, { authorId: editor.id, paragraphs: ['One line.'] });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/items/${item.id}`);
  await page.getByLabel('Standfirst').fill('Typed, then left alone.');
  await expect(saveStatus(page)).toHaveText('Unsaved changes');

  // An in-app link asks first; saying no keeps the page and the text.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Your account' }).click();
  expect(asked).toContain('unsaved changes');
  await expect(page).toHaveURL(new RegExp(`/admin/items/${item.id}$`));
  await expect(page.getByLabel('Standfirst')).toHaveValue('Typed, then left alone.');

  // A few seconds after typing stops, autosave.
  await expectSaved(page);
  const row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
  expect(row.standfirst).toBe('Typed, then left alone.');
  expect(
    await db.revision.findFirst({ where: { itemId: item.id, kind: 'AUTOSAVE', authorId: editor.id } }),
  ).not.toBeNull();

  // Errors show next to their fields, and the text stays.
  await page.getByLabel('Title', { exact: true }).fill('');
  await page.getByRole('group', { name: 'Sources' }).getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('group', { name: 'Source 1' }).getByLabel('Link').fill('not a link');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#item-title-error')).toHaveText('Enter a title.');
  await expect(page.getByRole('group', { name: 'Source 1' }).locator('.field__error')).toHaveText([
    'Enter who reported it.',
    'Enter a full web address starting with http:// or https://.',
  ]);
  await expect(saveStatus(page)).toHaveText('Not saved: correct the fields marked below.');
  await expect(page.getByLabel('Standfirst')).toHaveValue('Typed, then left alone.');
  expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).title).toBe(row.title);
});

test('a reload with unsaved changes brings them back from this tab, and they are saved from there', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const item = await seedItem(db, { authorId: editor.id, paragraphs: ['One line.'] });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/items/${item.id}`);
  // An empty title cannot be saved, so these changes stay unsaved however long the reload takes.
  await page.getByLabel('Title', { exact: true }).fill('');
  await page.getByLabel('Standfirst').fill('Typed just before a reload.');
  await expect(saveStatus(page)).toHaveText(/Unsaved changes|Not saved: correct the fields marked below\./);
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  await expect(
    page.getByText('Unsaved changes from your last visit to this page were restored from this browser.'),
  ).toBeVisible();
  await expect(page.getByLabel('Standfirst')).toHaveValue('Typed just before a reload.');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('');
  expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).standfirst).toBe('A standfirst.');
  await page.getByLabel('Title', { exact: true }).fill('A title again');
  await expectSaved(page);
  expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
    title: 'A title again',
    standfirst: 'Typed just before a reload.',
  });
});
