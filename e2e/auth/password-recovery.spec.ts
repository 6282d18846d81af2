import { test, expect, signInWithForm } from '../fixtures';

/**
 * "Forgot your password?" end to end: ask from the sign-in page, read the mail from the outbox (the
 * test server has no SMTP, so mail is kept there), set a new password from the link, and find the
 * session opened before in another browser gone.
 */
test('a person who forgot their password gets a link by mail, sets a new one, and every old session ends', async ({
  page,
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(90_000); // several browsers, each signing in: slow on a loaded machine
  const account = await makeAccount('EDITOR');
  const before = await browser.newContext();
  const beforePage = await before.newPage();
  await beforePage.goto('/login');
  await signInWithForm(beforePage, account.email, account.password);
  await expect(beforePage).toHaveURL(/\/admin$/);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('E-mail address').fill('not an address');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.locator('#email-error')).toHaveText('Enter an e-mail address like name@example.org.');
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  const answer = page.getByText('If an account uses that address, a link to set a new password is on its way');
  await expect(answer).toBeVisible();

  // An address without an account gets the very same answer.
  await page.goto('/forgot-password');
  await page.getByLabel('E-mail address').fill(`nobody-${Date.now()}@e2e.test`);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(answer).toBeVisible();

  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { to: account.email },
    orderBy: { createdAt: 'desc' },
  });
  const link = /https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();

  const newPassword = 'a fresh passphrase after forgetting';
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set a new password');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByLabel('The same password again').fill(newPassword);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/login\?passwordSet=1$/);

  await beforePage.goto('/admin/items');
  await expect(beforePage).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fitems$/);
  await before.close();

  await signInWithForm(page, account.email, newPassword);
  await expect(page).toHaveURL(/\/admin$/);

  // The link worked once.
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link no longer works');
});
