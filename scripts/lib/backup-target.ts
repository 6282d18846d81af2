/**
 * Which database `npm run backup` and `npm run restore` work on: DATABASE_URL when set (any
 * PostgreSQL), otherwise the embedded development database of `npm run dev` (.data/postgres, port
 * EMBEDDED_PG_PORT, database `quire`). When the development server is not running, it is started for
 * the command and stopped afterwards.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadDotEnv } from './env-file';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';

export type Target = { databaseUrl: string; label: string; close(): Promise<void> };

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function resolveTarget({ createCluster }: { createCluster: boolean }): Promise<Target> {
  loadDotEnv();
  if (process.env.DATABASE_URL)
    return { databaseUrl: process.env.DATABASE_URL, label: 'DATABASE_URL', close: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dataDir = path.resolve('.data', 'postgres');
  const url = `postgresql://postgres:quire-local@127.0.0.1:${port}/quire`;
  if (await reachable(url))
    return { databaseUrl: url, label: `the running development database (port ${port})`, close: async () => {} };
  if (!existsSync(path.join(dataDir, 'PG_VERSION')) && !createCluster)
    throw new Error(`No database: DATABASE_URL is not set and there is no development database in ${dataDir}.`);
  const server: LocalPostgres = await startLocalPostgres({ dataDir, port, persistent: true });
  await server.createDatabase('quire');
  return {
    databaseUrl: server.url('quire'),
    label: `the development database in .data/postgres (started for this, port ${port})`,
    close: () => server.stop(),
  };
}

/** `--name value` or `--name=value`. */
export function option(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}
