/**
 * Backup and restore of a Quire database with PostgreSQL's own tools (scripts/backup.ts and
 * scripts/restore.ts are the command lines; tests/integration/backup-restore.test.ts drives them).
 *
 * A backup is one `pg_dump --format=custom` run: pg_dump reads every table in one transaction at one
 * snapshot, so the file is consistent while the app keeps writing. It is written under a temporary
 * name and renamed when complete, so a file with the final name is never a partial dump.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { execFileAsync, findPgTool, libpqEnv, type PgTool } from './pg-tools';

export type BackupResult = { file: string; bytes: number; tool: PgTool; serverVersion: string };

async function serverVersion(databaseUrl: string): Promise<{ text: string; major: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string; n: string }>(
      `SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n`,
    );
    return { text: rows[0]!.v, major: Math.floor(Number(rows[0]!.n) / 10000) };
  } finally {
    await client.end();
  }
}

async function toolFor(name: 'pg_dump', databaseUrl: string) {
  const [tool, server] = await Promise.all([findPgTool(name), serverVersion(databaseUrl)]);
  if (tool.major < server.major)
    throw new Error(
      `${name} at ${tool.path} (${tool.source}) is version ${tool.major}, older than the server (${server.text}): ` +
        `it cannot read it. Install a ${name} of version ${server.major} or later, or put one first on PATH.`,
    );
  return { tool, server };
}

/** "20260302T141503Z": sorts by time, safe in file names everywhere. */
export function backupStamp(at = new Date()): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export async function backupDatabase({
  databaseUrl,
  outDir,
  now = new Date(),
}: {
  databaseUrl: string;
  outDir: string;
  now?: Date;
}): Promise<BackupResult> {
  const { tool, server } = await toolFor('pg_dump', databaseUrl);
  const { env, database } = libpqEnv(databaseUrl);
  await mkdir(outDir, { recursive: true });
  const file = path.resolve(outDir, `quire-${database.replace(/[^A-Za-z0-9_-]/g, '_')}-${backupStamp(now)}.dump`);
  const partial = `${file}.partial`;
  try {
    await execFileAsync(tool.path, ['--format=custom', '--no-password', `--file=${partial}`], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { file, bytes: (await stat(file)).size, tool, serverVersion: server.text };
}

/** Tables, views and sequences the database holds outside PostgreSQL's own schemas. */
export async function countUserRelations(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
         AND s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%'`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when it does not exist (connecting to `postgres` to do so). */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const { database } = libpqEnv(databaseUrl);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

export class NotEmptyError extends Error {}

export type RestoreResult = { tool: PgTool; replaced: boolean };

/**
 * Restores a custom-format dump into the database at `databaseUrl`. An empty database (no tables,
 * views or sequences) is restored into; anything else is refused unless `force`, which drops the
 * dump's objects first (`--clean --if-exists`). One transaction: a failed restore leaves the
 * database as it was. Ownership and grants are not restored (the connecting role owns everything),
 * so a dump moves between servers and roles.
 */
export async function restoreDatabase({
  databaseUrl,
  file,
  force = false,
}: {
  databaseUrl: string;
  file: string;
  force?: boolean;
}): Promise<RestoreResult> {
  await stat(file);
  // pg_restore may be older than the server (it only sends SQL); it must be able to read the file,
  // which it says itself when it cannot.
  const tool = await findPgTool('pg_restore');
  const existing = await countUserRelations(databaseUrl);
  if (existing > 0 && !force)
    throw new NotEmptyError(
      `The database ${libpqEnv(databaseUrl).display} is not empty (${existing} tables, views or sequences). ` +
        'Restore into an empty database, or add --force to replace what the backup holds.',
    );
  const args = ['--no-password', '--no-owner', '--no-acl', '--exit-on-error', '--single-transaction'];
  if (existing > 0) args.push('--clean', '--if-exists');
  const { env } = libpqEnv(databaseUrl);
  await execFileAsync(tool.path, [...args, `--dbname=${env.PGDATABASE}`, file], { env, maxBuffer: 16 * 1024 * 1024 });
  return { tool, replaced: existing > 0 };
}
