import { test, expect, signInWithForm } from '../fixtures';

/**
 * Sessions end on the server (tracker issue 13, defects 1 and 8). The old sign-out test only checked
 * that the browser dropped its cookie; these replay a copy of the cookie from another browser after
 * the owner signed out, including after next-auth re-signed it at /api/auth/session.
 */
const isSessionCookie = (c: { name: string }) => c.name.endsWith('next-auth.session-token');

test('signing out ends the session on the server: a copied cookie no longer opens the back office', async ({
  page,
  browser,
  makeAccount,
}) => {
  test.setTimeout(90_000); // several browsers, each signing in: slow on a loaded machine
  const account = await makeAccount('EDITOR');
  await page.goto('/login');
  await signInWithForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/admin$/);
  const copied = (await page.context().cookies()).find(isSessionCookie);
  expect(copied).toBeDefined();

  // The copy works in another browser while the session is open, and next-auth renews it there.
  const thief = await browser.newContext();
  await thief.addCookies([copied!]);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/admin');
  await expect(thiefPage).toHaveURL(/\/admin$/);
  await thiefPage.request.get('/api/auth/session');
  const renewed = (await thief.cookies()).find(isSessionCookie);
  expect(renewed?.value).toBeTruthy();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);

  for (const cookie of [copied!, renewed!]) {
    const replay = await browser.newContext();
    await replay.addCookies([cookie]);
    const replayPage = await replay.newPage();
    await replayPage.goto('/admin/account');
    await expect(replayPage).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faccount$/);
    await expect(replayPage.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await replay.close();
  }
  await thiefPage.goto('/admin');
  await expect(thiefPage).toHaveURL(/\/login/);
  await thief.close();
});

test('"Sign out everywhere" on Your account ends the sessions of every browser, this one included', async ({
  page,
  browser,
  makeAccount,
  db,
}) => {
  test.setTimeout(90_000); // several browsers, each signing in: slow on a loaded machine
  const account = await makeAccount('CONTRIBUTOR');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  for (const p of [page, otherPage]) {
    await p.goto('/login');
    await signInWithForm(p, account.email, account.password);
    await expect(p).toHaveURL(/\/admin$/);
  }

  await page.goto('/admin/account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/login\?signedOutEverywhere=1$/);
  await expect(page.getByText('You have signed out in every browser.')).toBeVisible();

  await otherPage.goto('/admin/items');
  await expect(otherPage).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fitems$/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
  await other.close();

  const events = await db.auditEvent.findMany({ where: { entityId: account.id, action: 'account.signOutEverywhere' } });
  expect(events).toHaveLength(1);
});
