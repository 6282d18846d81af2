import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import type { Role } from '@/generated/prisma/enums';
import { createDb, type Db } from '@/lib/db/create-db';
import { hashPassword } from '@/lib/auth/password';
import { e2eDatabaseUrl } from './config';

/** The demo accounts the seed creates (prisma/seed/demo-content.ts). */
export const DEMO_PASSWORD = 'quire-demo-2002';
export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@quire.test', name: 'Ada Adeyemi' },
  editor: { email: 'editor@quire.test', name: 'Edith Marlowe' },
  contributor: { email: 'contributor@quire.test', name: 'Colin Baptiste' },
} as const;

/** The password of every account a test creates. */
export const TEST_PASSWORD = 'a test password for e2e only';

export type TestAccount = { id: string; email: string; name: string; role: Role; password: string };

type WorkerFixtures = { db: Db; passwordHash: string };
type TestFixtures = {
  /** Creates a fresh, active account of its own for this test (nothing shared between tests). */
  makeAccount: (role: Role) => Promise<TestAccount>;
};

/**
 * `db`: a Prisma client on the end-to-end server's throwaway database, for seeding and checking.
 * `makeAccount`: a new active account with TEST_PASSWORD.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({}, use) => {
      const db = createDb(e2eDatabaseUrl);
      await use(db);
      await db.$disconnect();
    },
    { scope: 'worker' },
  ],
  passwordHash: [async ({}, use) => use(await hashPassword(TEST_PASSWORD)), { scope: 'worker' }],
  makeAccount: async ({ db, passwordHash }, use) => {
    await use(async (role) => {
      const tag = `${Date.now().toString(36)}${randomInt(1e9).toString(36)}`;
      const name = `Test ${role.toLowerCase()} ${tag}`;
      const user = await db.user.create({
        data: { email: `${role.toLowerCase()}-${tag}@e2e.test`, name, role, status: 'ACTIVE', passwordHash },
      });
      return { id: user.id, email: user.email, name, role, password: TEST_PASSWORD };
    });
  },
});

/** Signs in through next-auth's own endpoints (CSRF token, then credentials), as the form does. */
export async function signInByRequest(request: APIRequestContext, email: string, password: string): Promise<boolean> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
  });
  const { url } = (await response.json()) as { url: string };
  return !new URL(url).searchParams.has('error');
}

/** Signs a browser context in without the form (for tests about something else). */
export async function signInContext(context: BrowserContext, account: { email: string; password?: string }) {
  expect(await signInByRequest(context.request, account.email, account.password ?? DEMO_PASSWORD)).toBe(true);
}

/** Signs in with the form, as a person would. */
export async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export { expect };
