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

/** Bulletin issue numbers for test data: random and high, so tests never collide or meet the demo's. */
export function uniqueIssueNumber(): number {
  return randomInt(10_000, 999_999);
}

/** A slug no other test uses. */
export function uniqueSlug(prefix = 'item'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomInt(1e9).toString(36)}`;
}
