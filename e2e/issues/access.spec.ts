import { test, expect, DEMO_ACCOUNTS, signInContext } from '../fixtures';

test('a contributor gets the designed 403 at /admin/issues and /admin/settings, and no link to them', async ({
  page,
  db,
}) => {
  await signInContext(page.context(), DEMO_ACCOUNTS.contributor);
  const n26 = await db.issue.findUniqueOrThrow({ where: { number: 26 } });
  for (const path of ['/admin/issues', '/admin/settings', `/admin/issues/${n26.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not open to you');
  }
  const nav = page.getByRole('navigation', { name: 'Back office' });
  await expect(nav.getByRole('link', { name: 'Your account' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Bulletin issues' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  // The picker's search answers a contributor with a refusal, not with items.
  const search = await page.request.get('/admin/issues/placeable-items?q=');
  expect(search.status()).toBe(403);
});

test('an editor may plan issues but gets the designed 403 at /admin/settings', async ({ page }) => {
  await signInContext(page.context(), DEMO_ACCOUNTS.editor);
  expect((await page.goto('/admin/issues'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bulletin issues');
  await expect(page.locator('tr[data-issue-number="26"]')).toContainText('In production');
  expect((await page.goto('/admin/settings'))?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not open to you');
});

test('an address that names no issue gets the back office 404', async ({ page }) => {
  await signInContext(page.context(), DEMO_ACCOUNTS.editor);
  expect((await page.goto('/admin/issues/no-such-issue'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no such issue');
  expect((await page.goto('/admin/issues/no-such-issue/preview'))?.status()).toBe(404);
});
