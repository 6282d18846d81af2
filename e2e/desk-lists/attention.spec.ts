import { test, expect, signInContext } from '../fixtures';

test('the editor’s dashboard opens with what needs attention, even before any activity is recorded', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  await signInContext(page.context(), editor);
  // The demo desk (N° 26) has items in review, loaded without any recorded activity.
  const inReview = await db.item.count({ where: { state: 'IN_REVIEW' } });
  expect(inReview).toBeGreaterThan(0);
  await page.goto('/admin');
  const attention = page.getByTestId('attention');
  await expect(attention.getByRole('heading', { name: 'Needs attention' })).toBeVisible();
  const link = attention.getByRole('link', { name: new RegExp(`^${inReview} items? waits? for review$`) });
  await expect(link).toHaveAttribute('href', '#review');
  await expect(page.getByText('Nothing has happened yet.')).toHaveCount(0);
});

test('the back-office menu fits on one row at 1280 px, for an administrator (the longest menu)', async ({
  page,
  makeAccount,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const admin = await makeAccount('ADMIN');
  await signInContext(page.context(), admin);
  await page.goto('/admin');
  const links = page.getByRole('navigation', { name: 'Back office' }).getByRole('link');
  await expect(links).toHaveCount(12);
  const tops = await links.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
  expect(new Set(tops).size, `menu rows (link tops: ${tops.join(', ')})`).toBe(1);
  // Nothing cut off either: the last link ends inside the window.
  const last = (await links.last().boundingBox())!;
  expect(last.x + last.width).toBeLessThanOrEqual(1280);
});
