import { test, expect, signInContext } from '../fixtures';
import { seedItem } from './desk-helpers';

test('a contributor withdraws their own submission while it waits for review, and may edit it again', async ({
  page,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('CONTRIBUTOR');
  const item = await seedItem(db, { authorId: author.id, state: 'IN_REVIEW', paragraphs: ['Submitted too soon.'] });
  await signInContext(page.context(), author);
  await page.goto(`/admin/items/${item.id}`);
  const side = page.getByRole('complementary', { name: 'Review' });
  await expect(side.getByTestId('item-state')).toHaveText('In review');
  await side.getByRole('button', { name: 'Withdraw from review' }).click();
  await expect(side.getByTestId('item-state')).toHaveText('Draft');
  await expect(side.getByRole('button', { name: 'Submit for review' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).state).toBe('DRAFT');
  const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: item.id, action: 'item.withdraw' } });
  expect(event).toMatchObject({ actorId: author.id, fromState: 'IN_REVIEW', toState: 'DRAFT' });
});

test('an editor is not offered "Withdraw from review" on someone else’s submission', async ({
  page,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('CONTRIBUTOR');
  const editor = await makeAccount('EDITOR');
  const item = await seedItem(db, { authorId: author.id, state: 'IN_REVIEW' });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/items/${item.id}`);
  await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw from review' })).toHaveCount(0);
});
