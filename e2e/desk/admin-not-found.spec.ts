import { test, expect, signInContext } from '../fixtures';
import { seedItem } from './desk-helpers';

test("inside /admin, not found is the back office's own page, and someone else's item looks exactly like a missing one", async ({
  page,
  db,
  makeAccount,
}) => {
  const contributor = await makeAccount('CONTRIBUTOR');
  const someoneElse = await makeAccount('CONTRIBUTOR');
  const theirs = await seedItem(db, { authorId: someoneElse.id, title: `Not yours ${Date.now()}` });
  await signInContext(page.context(), contributor);

  const seen: string[] = [];
  for (const path of [`/admin/items/${theirs.id}`, '/admin/items/no-such-item', '/admin/no-such-page']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    // The back office's frame: its menu and who is signed in, not the public masthead.
    await expect(page.getByRole('navigation', { name: 'Back office' })).toBeVisible();
    await expect(page.locator('.bo-user')).toContainText(contributor.name);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nothing here');
    await expect(page.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/admin');
    seen.push(await page.locator('main').innerText());
    expect(await page.content()).not.toContain(theirs.title);
  }
  // Someone else's item and a missing one answer the very same page.
  expect(seen[0]).toBe(seen[1]);
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
