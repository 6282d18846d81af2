import { randomInt } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { applyMigrations } from '@/scripts/lib/apply-migrations';

/** A Prisma client on the run's throwaway database (see tests/setup/global-db.ts). */
export function testDb(): Db {
  return createDb(inject('databaseUrl'));
}

/** A new, empty database on the test server; migrated unless told otherwise. */
export async function freshDatabase({ migrate = true } = {}): Promise<string> {
  const name = `t_${Date.now().toString(36)}_${randomInt(1e9).toString(36)}`;
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = inject('adminDatabaseUrl').replace(/\/postgres$/, `/${name}`);
  if (migrate) await applyMigrations(url);
  return url;
}

let numbers: pg.Pool | undefined;

/**
 * Bulletin issue numbers for test data: from a sequence on the test server (tests/setup/global-db.ts),
 * so no two tests of a run ever get the same number (random numbers did collide now and then), and
 * all are far above the demo's.
 */
export async function uniqueIssueNumber(): Promise<number> {
  numbers ??= new pg.Pool({
    connectionString: inject('databaseUrl'),
    max: 1,
    idleTimeoutMillis: 1000,
    allowExitOnIdle: true,
  });
  const { rows } = await numbers.query<{ n: string }>("SELECT nextval('test_issue_number') AS n");
  return Number(rows[0]!.n);
}

/** A slug no other test uses. */
export function uniqueSlug(prefix = 'item'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomInt(1e9).toString(36)}`;
}
