import { test, expect, signInContext } from '../fixtures';
import { expectSaved, uniqueTag } from './desk-helpers';

test('the first (automatic) save of a new item offers "Submit for review" at once, and it submits what is on screen', async ({
  page,
  db,
  makeAccount,
}) => {
  test.setTimeout(60_000);
  const contributor = await makeAccount('CONTRIBUTOR');
  await signInContext(page.context(), contributor);
  const tag = uniqueTag();

  await page.goto('/admin/items/new?kind=article');
  const side = page.getByRole('complementary', { name: 'Review' });
  await expect(side.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
  // The first save is the automatic one, a few seconds after typing stops (the page stays where it is).
  await page.getByLabel('Title', { exact: true }).fill(`A first report ${tag}`);
  await expectSaved(page);
  await expect(page).toHaveURL(/\/admin\/items\/[a-z0-9]+$/);
  const itemId = page.url().split('/').pop()!;

  // No detour through "Open the item's page": the workflow is right there.
  await expect(side.getByTestId('item-state')).toHaveText('Draft');
  await page.getByLabel('Standfirst').fill(`Typed after the first save ${tag}.`);
  await side.getByRole('button', { name: 'Submit for review' }).click();
  await expect(side.getByTestId('item-state')).toHaveText('In review');
  const stored = await db.item.findUniqueOrThrow({ where: { id: itemId } });
  expect(stored.state).toBe('IN_REVIEW');
  // What was on screen was saved before the submission.
  expect(stored.standfirst).toBe(`Typed after the first save ${tag}.`);
  await expect(page).toHaveURL(new RegExp(`/admin/items/${itemId}$`));
  // The item's own page says what was done (the line used to go with the new-item panel), once.
  await expect(side.getByRole('status')).toHaveText('Submitted for review.');
  await page.reload();
  await expect(side.getByTestId('item-state')).toHaveText('In review');
  await expect(side.getByRole('status')).toHaveCount(0);
  // A hand-made address cannot make the page claim a step that did not happen.
  await page.goto(`/admin/items/${itemId}?done=publish`);
  await expect(side.getByTestId('item-state')).toHaveText('In review');
  await expect(side.getByRole('status')).toHaveCount(0);
});
