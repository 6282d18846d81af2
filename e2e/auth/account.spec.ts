import { test, expect, DEMO_ACCOUNTS, signInByRequest, signInContext, signInWithForm } from '../fixtures';

test('changing your own password needs the current one and ends your other sessions, not this one', async ({
  browser,
  makeAccount,
}) => {
  const me = await makeAccount('CONTRIBUTOR');
  const here = await browser.newContext();
  const elsewhere = await browser.newContext();
  try {
    await signInContext(here, me);
    await signInContext(elsewhere, me);
    const page = await here.newPage();
    const otherPage = await elsewhere.newPage();
    await otherPage.goto('/admin');
    await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${me.name}`);

    await page.goto('/admin/account');
    const newPassword = 'a brand new password for colin';
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('The new password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('#currentPassword-error')).toHaveText('This is not your current password.');

    await page.getByLabel('Current password').fill(me.password);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('The new password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password is changed. You were signed out everywhere else.')).toBeVisible();

    // This browser carries on; the other one is signed out on its next click.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
    await otherPage.getByRole('link', { name: 'Your account' }).first().click();
    await expect(otherPage).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faccount$/);

    expect(await signInByRequest(elsewhere.request, me.email, me.password)).toBe(false);
    expect(await signInByRequest(elsewhere.request, me.email, newPassword)).toBe(true);
  } finally {
    await here.close();
    await elsewhere.close();
  }
});

test('you change your own name', async ({ page, makeAccount }) => {
  const me = await makeAccount('EDITOR');
  await signInContext(page.context(), me);
  await page.goto('/admin/account');
  await page.getByLabel('Your name').fill('   ');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.locator('#profile-name-error')).toHaveText('Enter a name.');
  await page.getByLabel('Your name').fill('Edith M. Renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Your name is saved.')).toBeVisible();
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Edith M. Renamed');
});

test('an admin issues a password-reset link; using it sets the password and ends the person’s sessions', async ({
  browser,
  makeAccount,
}) => {
  const person = await makeAccount('EDITOR');
  const admins = await browser.newContext();
  const theirs = await browser.newContext();
  try {
    await signInContext(theirs, person);
    const theirPage = await theirs.newPage();
    await theirPage.goto('/admin');

    await signInContext(admins, DEMO_ACCOUNTS.admin);
    const adminPage = await admins.newPage();
    await adminPage.goto('/admin/users');
    await adminPage.getByRole('button', { name: `Send password-reset link: ${person.name}` }).click();
    await expect(adminPage.getByText('Password-reset link issued. The link is in the outbox.')).toBeVisible();
    await adminPage.goto('/admin/outbox');
    const link = await adminPage
      .locator(`article[data-to="${person.email}"]`)
      .first()
      .getByRole('link')
      .getAttribute('href');

    // The person opens the link in a browser of their own that is not signed in.
    const mailbox = await browser.newContext();
    const resetPage = await mailbox.newPage();
    await resetPage.goto(link!);
    await expect(resetPage.getByRole('heading', { level: 1 })).toHaveText('Set a new password');
    const password = 'edith chose another password';
    await resetPage.getByLabel('New password').fill(password);
    await resetPage.getByLabel('The same password again').fill(password);
    await resetPage.getByRole('button', { name: 'Set password' }).click();
    await expect(resetPage).toHaveURL(/\/login\?passwordSet=1$/);
    await mailbox.close();

    await theirPage.reload();
    await expect(theirPage).toHaveURL(/\/login\?callbackUrl=%2Fadmin$/);
    await signInWithForm(theirPage, person.email, password);
    await expect(theirPage).toHaveURL(/\/admin$/);
  } finally {
    await admins.close();
    await theirs.close();
  }
});
