import { TOTP } from 'otpauth';
import { test, expect, signInWithForm } from '../fixtures';

/**
 * Two-factor sign-in in a browser: enrol from "Your account" with a code computed here from the secret
 * the page shows in text, note a recovery code, sign out, then sign in with password and code. The
 * step between password and code is no session.
 */
const codeFor = (secret: string, at = Date.now()) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: secret.replace(/\s/g, '') }).generate({
    timestamp: at,
  });

test('a person turns on two-factor sign-in, then signs in with password and a code from the app', async ({
  page,
  browser,
  makeAccount,
}) => {
  test.setTimeout(120_000); // it waits for the next 30-second step once
  const account = await makeAccount('EDITOR');
  await page.goto('/login');
  await signInWithForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/admin$/);

  await page.goto('/admin/account');
  await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
  await expect(page).toHaveURL(/\/two-factor$/);
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!;
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel('Code from your app').fill('12');
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.locator('#code-error')).toContainText('6 digits');
  await page.getByLabel('Code from your app').fill(codeFor(secret));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.getByText('Two-factor sign-in is on.')).toBeVisible();
  const codes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
  expect(codes).toHaveLength(10);

  await page.goto('/admin');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);

  // Password alone: the code step, and still no session.
  await signInWithForm(page, account.email, account.password);
  await expect(page.getByLabel('Code')).toBeVisible();
  const other = await browser.newContext();
  await other.addCookies(await page.context().cookies());
  const otherPage = await other.newPage();
  await otherPage.goto('/admin');
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();

  // A wrong code is refused with the message; the right one (of the next 30 seconds, the enrolment's
  // own code being spent) signs in.
  await page.getByLabel('Code').fill('000000' === codeFor(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code did not work.')).toBeVisible();
  const wait = 30_000 - (Date.now() % 30_000) + 500;
  await page.waitForTimeout(wait);
  await page.getByLabel('Code').fill(codeFor(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/admin$/);

  // A recovery code works instead of the app.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInWithForm(page, account.email, account.password);
  await page.getByLabel('Code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/account');
  await expect(page.getByText('Recovery codes left: 9 of 10.')).toBeVisible();
});
