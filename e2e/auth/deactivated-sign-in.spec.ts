import { test, expect, signInWithForm } from '../fixtures';

test('a deactivated person signing in is told why, and only with their own password', async ({
  page,
  db,
  makeAccount,
}) => {
  const person = await makeAccount('CONTRIBUTOR');
  await db.user.update({ where: { id: person.id }, data: { status: 'DEACTIVATED' } });

  await page.goto('/login');
  await signInWithForm(page, person.email, 'not their password at all');
  const message = page.locator('#sign-in-refused');
  // A wrong password: the one neutral message (an outsider learns nothing about the address).
  await expect(message).toContainText('Those details did not work.');
  await expect(message).not.toContainText('deactivated');

  await signInWithForm(page, person.email, person.password);
  await expect(message).toContainText('This account has been deactivated');
  await expect(message).toContainText('ask one of its administrators to reactivate it');
  await expect(page).toHaveURL(/\/login/);

  // An address with no account gets the neutral message, whatever the password.
  await signInWithForm(page, `nobody-${person.email}`, person.password);
  await expect(message).toContainText('Those details did not work.');
});
