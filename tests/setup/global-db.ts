import { Client } from 'pg';
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
  const server = await startThrowawayPostgres('vitest');
  await server.createDatabase('quire_test');
  const url = server.url('quire_test');
  await applyMigrations(url);
  // Source of unique bulletin issue numbers for test data (tests/helpers/db.ts uniqueIssueNumber).
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE SEQUENCE test_issue_number START 10000 MAXVALUE 999999');
  await client.end();
  project.provide('databaseUrl', url);
  project.provide('adminDatabaseUrl', server.url('postgres'));
  return async () => {
    await server.stop();
  };
}
