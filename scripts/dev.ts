/**
 * `npm run dev`: Quire on http://localhost:3000 with nothing to set up.
 * Without DATABASE_URL it runs a real PostgreSQL from .data/postgres (created on first start), applies
 * migrations, loads the demo content into an empty database, then runs `next dev`. Ctrl-C or SIGTERM
 * stops Next, then PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadDotEnv } from './lib/env-file';
import { startLocalPostgres, takeOverSignals, type LocalPostgres } from './lib/local-postgres';
import { applyMigrations } from './lib/apply-migrations';
import { seedIfEmpty } from './lib/seed-if-empty';

const log = (line: string) => console.log(`[quire] ${line}`);
const DATA_DIR = path.resolve('.data');

async function devSecret(): Promise<string> {
  const file = path.join(DATA_DIR, 'nextauth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, secret + '\n', { mode: 0o600 });
  log('generated a development NEXTAUTH_SECRET in .data/nextauth-secret');
  return secret;
}

async function main() {
  loadDotEnv();
  const started = Date.now();
  const port = process.env.PORT ?? '3000';
  let postgres: LocalPostgres | undefined;
  let next: ChildProcess | undefined;
  let stopping = false;

  takeOverSignals(async (signal) => {
    stopping = true;
    log(`${signal}: stopping`);
    if (next?.pid && next.exitCode === null) {
      const exited = new Promise((r) => next!.once('exit', r));
      try {
        process.kill(-next.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    if (postgres) {
      await postgres.stop();
      log('PostgreSQL stopped');
    }
  });

  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    postgres = await startLocalPostgres({
      dataDir: path.join(DATA_DIR, 'postgres'),
      port: pgPort,
      persistent: true,
      log,
    });
    await postgres.createDatabase('quire');
    process.env.DATABASE_URL = postgres.url('quire');
    log(`PostgreSQL ready on 127.0.0.1:${pgPort} (data in .data/postgres)`);
  } else {
    log('using the database in DATABASE_URL');
  }

  const applied = await applyMigrations(process.env.DATABASE_URL, log);
  if (applied.length === 0) log('database schema is up to date');
  if (await seedIfEmpty(process.env.DATABASE_URL)) log('loaded the demo content');

  process.env.NEXTAUTH_SECRET ??= await devSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  log(`ready for Next in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  // Own process group, so stopping it stops its workers too.
  next = spawn(process.execPath, [nextBin, 'dev', '--port', port, ...process.argv.slice(2)], {
    stdio: 'inherit',
    detached: true,
    env: process.env,
  });
  next.on('exit', async (code, signal) => {
    if (stopping || signal) return; // our own shutdown stops PostgreSQL and exits
    if (postgres) await postgres.stop();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(`[quire] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
