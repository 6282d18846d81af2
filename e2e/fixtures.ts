import { test as base, expect } from '@playwright/test';
import { createDb, type Db } from '@/lib/db/client';
import { e2eDatabaseUrl } from './config';

/** `db`: a Prisma client on the end-to-end server's throwaway database, for seeding and checking. */
export const test = base.extend<object, { db: Db }>({
  db: [
    async ({}, use) => {
      const db = createDb(e2eDatabaseUrl);
      await use(db);
      await db.$disconnect();
    },
    { scope: 'worker' },
  ],
});

export { expect };
