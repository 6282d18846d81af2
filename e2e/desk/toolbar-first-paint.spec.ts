import { test, expect, signInContext } from '../fixtures';
import { bodyEditor, seedItem } from './desk-helpers';

const TOOLBAR_BUTTONS = 12;

test('the formatting toolbar and the word count are there before anyone clicks into the text, and reachable by keyboard', async ({
  page,
  db,
  makeAccount,
}) => {
  const contributor = await makeAccount('CONTRIBUTOR');
  const item = await seedItem(db, { authorId: contributor.id, paragraphs: ['Five words in this paragraph.'] });
  await signInContext(page.context(), contributor);

  await page.goto(`/admin/items/${item.id}`);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting: Text' });
  // Nothing clicked or focused in the editor yet.
  await expect(toolbar.getByRole('button')).toHaveCount(TOOLBAR_BUTTONS);
  await expect(page.getByTestId('word-count')).toHaveText('5 words');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).not.toHaveAttribute('aria-disabled', 'true');
  await expect(bodyEditor(page)).not.toBeFocused();

  // Keyboard: Tab from the field before the body (the standfirst) lands on the toolbar.
  await page.getByLabel('Standfirst').focus();
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: 'Paragraph' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();

  // A new item: the same toolbar and a count of zero, at once.
  await page.goto('/admin/items/new?kind=article');
  await expect(page.getByRole('toolbar', { name: 'Formatting: Text' }).getByRole('button')).toHaveCount(
    TOOLBAR_BUTTONS,
  );
  await expect(page.getByTestId('word-count')).toHaveText('0 words');
});

test('the server-rendered page already draws the toolbar and the count (first paint, before any script)', async ({
  browser,
  db,
  makeAccount,
}) => {
  const contributor = await makeAccount('CONTRIBUTOR');
  const item = await seedItem(db, { authorId: contributor.id, paragraphs: ['Three words here.'] });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInContext(context, contributor);
  const page = await context.newPage();
  await page.goto(`/admin/items/${item.id}`);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting: Text' });
  await expect(toolbar.getByRole('button')).toHaveCount(TOOLBAR_BUTTONS);
  // Drawn, but inert until the editor exists.
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('3 words', { exact: true })).toBeVisible();
  await context.close();
});
