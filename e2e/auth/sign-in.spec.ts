import { test, expect, DEMO_ACCOUNTS, DEMO_PASSWORD, signInWithForm } from '../fixtures';
import { SIGN_IN_REFUSED } from '@/lib/auth/messages';

for (const [role, account] of Object.entries(DEMO_ACCOUNTS)) {
  test(`the demo ${role} signs in and out`, async ({ page }) => {
    await page.goto('/login');
    await signInWithForm(page, account.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${account.name}`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
    await expect(page.getByText('You have signed out.')).toBeVisible();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name.endsWith('next-auth.session-token'))).toBeUndefined();
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin$/);
    // The cookie being gone from this browser is not enough: e2e/auth/sessions.spec.ts replays a copy.
  });
}

test('an anonymous visit to the back office goes to sign-in, and back to the page asked for afterwards', async ({
  page,
}) => {
  const response = await page.goto('/admin/account?tab=password');
  expect(response?.url()).toMatch(/\/login\?callbackUrl=%2Fadmin%2Faccount%3Ftab%3Dpassword$/);
  await signInWithForm(page, DEMO_ACCOUNTS.editor.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/account\?tab=password$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
});

for (const offSite of [
  '//evil.example/admin',
  'https://evil.example/admin',
  '/\\evil.example',
  'javascript:alert(1)',
]) {
  test(`an off-site callback URL is ignored: ${offSite}`, async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(offSite)}`);
    await signInWithForm(page, DEMO_ACCOUNTS.contributor.email, DEMO_PASSWORD);
    await expect(page).toHaveURL('/admin');
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
}

test('a refused sign-in says the same for a wrong password and an unknown e-mail, and keeps the e-mail typed', async ({
  page,
  makeAccount,
}) => {
  const account = await makeAccount('EDITOR');
  await page.goto('/login');
  await signInWithForm(page, account.email, 'not the password at all');
  await expect(page.getByText(SIGN_IN_REFUSED)).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue(account.email);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();

  await page.reload();
  await signInWithForm(page, `nobody-${account.email}`, 'not the password at all');
  await expect(page.getByText(SIGN_IN_REFUSED)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('empty fields are named next to the fields, without a request', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#email-error')).toHaveText('Enter your e-mail address.');
  await expect(page.locator('#password-error')).toHaveText('Enter your password.');
  await expect(page.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('E-mail address').fill('not-an-address');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#email-error')).toHaveText('Enter an e-mail address like name@example.org.');
});

test('after 5 failed sign-ins the account is refused for 15 minutes, even with the right password, with the same message', async ({
  page,
  db,
  makeAccount,
}) => {
  const account = await makeAccount('CONTRIBUTOR');
  await page.goto('/login');
  for (let i = 1; i <= 5; i++) {
    await signInWithForm(page, account.email, `wrong password number ${i}`);
    await expect(page.getByText(SIGN_IN_REFUSED)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await signInWithForm(page, account.email, account.password);
  await expect(page.getByText(SIGN_IN_REFUSED)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  const lock = await db.signInLock.findUniqueOrThrow({
    where: { scope_key: { scope: 'ACCOUNT', key: account.email } },
  });
  const minutes = (lock.lockedUntil.getTime() - Date.now()) / 60_000;
  expect(minutes).toBeGreaterThan(14);
  expect(minutes).toBeLessThanOrEqual(15);
  const events = await db.auditEvent.findMany({ where: { entityId: account.id }, orderBy: { id: 'asc' } });
  expect(events.map((e) => e.action)).toEqual([...Array(5).fill('auth.signInFailed'), 'auth.signInThrottled']);
  expect(events.every((e) => e.ip)).toBe(true);
});
