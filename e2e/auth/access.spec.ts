import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { test, expect, DEMO_ACCOUNTS, signInByRequest, signInContext, type TestAccount } from '../fixtures';
import type { Db } from '@/lib/db/create-db';

test('a contributor gets the designed refusal (403) at /admin/users and /admin/outbox, and no link to them', async ({
  page,
}) => {
  await signInContext(page.context(), DEMO_ACCOUNTS.contributor);
  for (const path of ['/admin/users', '/admin/outbox']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not open to you');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }
  const nav = page.getByRole('navigation', { name: 'Back office' });
  await expect(nav.getByRole('link', { name: 'Your account' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'People' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Outbox' })).toHaveCount(0);
});

test("a deactivated person's open session is refused on their next click", async ({ browser, makeAccount }) => {
  const person = await makeAccount('EDITOR');
  const theirs = await browser.newContext();
  const admins = await browser.newContext();
  try {
    const theirPage = await theirs.newPage();
    await signInContext(theirs, person);
    await theirPage.goto('/admin');
    await expect(theirPage.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${person.name}`);

    const adminPage = await admins.newPage();
    await signInContext(admins, DEMO_ACCOUNTS.admin);
    await adminPage.goto('/admin/users');
    await adminPage.getByRole('button', { name: `Deactivate: ${person.name}` }).click();
    await expect(adminPage.getByText('Account deactivated: they are signed out everywhere.')).toBeVisible();

    await theirPage
      .getByRole('navigation', { name: 'Back office' })
      .getByRole('link', { name: 'Your account' })
      .click();
    await expect(theirPage).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faccount$/);
    await expect(theirPage.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  } finally {
    await theirs.close();
    await admins.close();
  }
});

test('a role change shows on the next request', async ({ browser, makeAccount }) => {
  const person = await makeAccount('EDITOR');
  const theirs = await browser.newContext();
  const admins = await browser.newContext();
  try {
    const theirPage = await theirs.newPage();
    await signInContext(theirs, person);
    await theirPage.goto('/admin');
    await expect(theirPage.getByTestId('current-role')).toHaveText('You are signed in as editor.');

    const adminPage = await admins.newPage();
    await signInContext(admins, DEMO_ACCOUNTS.admin);
    await adminPage.goto('/admin/users');
    await adminPage.getByLabel(`Role of ${person.name}`).selectOption('ADMIN');
    await adminPage.getByRole('button', { name: `Change role: ${person.name}` }).click();
    await expect(adminPage.getByText('Role changed.')).toBeVisible();

    await theirPage.reload();
    await expect(theirPage.getByTestId('current-role')).toHaveText('You are signed in as administrator.');
    await expect(
      theirPage.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'People' }),
    ).toBeVisible();
    expect((await theirPage.goto('/admin/users'))?.status()).toBe(200);

    await adminPage.reload();
    await adminPage.getByLabel(`Role of ${person.name}`).selectOption('CONTRIBUTOR');
    await adminPage.getByRole('button', { name: `Change role: ${person.name}` }).click();
    await expect(adminPage.getByText('Role changed.')).toBeVisible();
    expect((await theirPage.goto('/admin/users'))?.status()).toBe(403);
    await theirPage.goto('/admin');
    await expect(theirPage.getByTestId('current-role')).toHaveText('You are signed in as contributor.');
  } finally {
    await theirs.close();
    await admins.close();
  }
});

/**
 * Reading back-office pages, with real sessions over HTTP, for every kind of person: the page-level
 * half of the policy matrix (the account actions' half runs over the server actions in
 * tests/integration/account-actions.test.ts).
 */
type Kind = 'anonymous' | 'contributor' | 'editor' | 'admin' | 'deactivated' | 'endedSession';
const pages = ['/admin', '/admin/account', '/admin/users', '/admin/outbox', '/admin/audit'] as const;
// 200 shown, 403 designed refusal, 'login' sent to sign in.
const expected: Record<Kind, Record<(typeof pages)[number], 200 | 403 | 'login'>> = {
  anonymous: {
    '/admin': 'login',
    '/admin/account': 'login',
    '/admin/users': 'login',
    '/admin/outbox': 'login',
    '/admin/audit': 'login',
  },
  contributor: { '/admin': 200, '/admin/account': 200, '/admin/users': 403, '/admin/outbox': 403, '/admin/audit': 403 },
  editor: { '/admin': 200, '/admin/account': 200, '/admin/users': 403, '/admin/outbox': 403, '/admin/audit': 200 },
  admin: { '/admin': 200, '/admin/account': 200, '/admin/users': 200, '/admin/outbox': 200, '/admin/audit': 200 },
  deactivated: {
    '/admin': 'login',
    '/admin/account': 'login',
    '/admin/users': 'login',
    '/admin/outbox': 'login',
    '/admin/audit': 'login',
  },
  endedSession: {
    '/admin': 'login',
    '/admin/account': 'login',
    '/admin/users': 'login',
    '/admin/outbox': 'login',
    '/admin/audit': 'login',
  },
};

async function sessionFor(
  kind: Kind,
  db: Db,
  makeAccount: (role: 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR') => Promise<TestAccount>,
  baseURL: string,
): Promise<APIRequestContext> {
  const request = await playwrightRequest.newContext({ baseURL });
  if (kind === 'anonymous') return request;
  const role = kind === 'contributor' ? 'CONTRIBUTOR' : kind === 'editor' ? 'EDITOR' : 'ADMIN';
  const account = await makeAccount(role);
  expect(await signInByRequest(request, account.email, account.password)).toBe(true);
  if (kind === 'deactivated')
    await db.user.update({
      where: { id: account.id },
      data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } },
    });
  // A password changed elsewhere: only the session version moves.
  if (kind === 'endedSession')
    await db.user.update({ where: { id: account.id }, data: { sessionVersion: { increment: 1 } } });
  return request;
}

for (const kind of Object.keys(expected) as Kind[]) {
  test(`back-office pages as ${kind}`, async ({ db, makeAccount, baseURL }) => {
    const request = await sessionFor(kind, db, makeAccount, baseURL!);
    try {
      for (const path of pages) {
        const response = await request.get(path, { maxRedirects: 0 });
        const want = expected[kind][path];
        if (want === 'login') {
          expect(response.status(), path).toBe(307);
          expect(response.headers()['location'], path).toMatch(
            new RegExp(`^(https?://[^/]+)?/login\\?callbackUrl=${encodeURIComponent(path)}$`),
          );
        } else {
          expect(response.status(), path).toBe(want);
        }
      }
    } finally {
      await request.dispose();
    }
  });
}
