import { test, expect, signInContext } from '../fixtures';

test('a role changed while the back office is open shows in the header and menu on the next navigation', async ({
  page,
  db,
  makeAccount,
}) => {
  const person = await makeAccount('CONTRIBUTOR');
  await signInContext(page.context(), person);
  await page.goto('/admin');
  const header = page.locator('.bo-user');
  const nav = page.getByRole('navigation', { name: 'Back office' });
  await expect(header).toContainText(`${person.name} (Contributor)`);
  await expect(nav.getByRole('link', { name: 'Bulletin issues' })).toHaveCount(0);

  // Promoted by an admin elsewhere (the server reads the role on every request).
  await db.user.update({ where: { id: person.id }, data: { role: 'EDITOR' } });
  await nav.getByRole('link', { name: 'Items' }).click();
  await expect(page).toHaveURL(/\/admin\/items$/);
  await expect(header).toContainText(`${person.name} (Editor)`);
  await expect(nav.getByRole('link', { name: 'Bulletin issues' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Contributions' })).toBeVisible();

  // Demoted again: the links that would refuse them go away on the next move.
  await db.user.update({ where: { id: person.id }, data: { role: 'CONTRIBUTOR' } });
  await nav.getByRole('link', { name: 'Meetings' }).click();
  await expect(page).toHaveURL(/\/admin\/meetings$/);
  await expect(header).toContainText(`${person.name} (Contributor)`);
  await expect(nav.getByRole('link', { name: 'Bulletin issues' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Contributions' })).toHaveCount(0);
});

test('the header endpoint answers only about the caller, and nothing without a session', async ({
  request,
  makeAccount,
}) => {
  const anonymous = await request.get('/api/admin/shell');
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ actor: null });
  const editor = await makeAccount('EDITOR');
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: editor.email, password: editor.password, json: 'true' },
  });
  const mine = await request.get('/api/admin/shell');
  expect(mine.status()).toBe(200);
  expect(mine.headers()['cache-control']).toContain('no-store');
  expect(await mine.json()).toEqual({ actor: { id: editor.id, name: editor.name, role: 'EDITOR' } });
});
