import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../scripts/lib/local-postgres';
import { applyMigrations } from '../../scripts/lib/apply-migrations';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A server URL for tests that create databases of their own (e.g. migrations from scratch). */
    adminDatabaseUrl: string;
  }
}

/** Starts a throwaway PostgreSQL for the run and migrates it. Never the demo database. */
export default async function setup(project: TestProject) {
  const pg = await startThrowawayPostgres('vitest');
  await pg.createDatabase('quire_test');
  const url = pg.url('quire_test');
  await applyMigrations(url);
  project.provide('databaseUrl', url);
  project.provide('adminDatabaseUrl', pg.url('postgres'));
  return async () => {
    await pg.stop();
  };
}
