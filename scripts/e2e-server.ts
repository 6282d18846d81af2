/**
 * The server Playwright tests run against: a production build (`next start`) on its own port, with a
 * throwaway PostgreSQL (deleted when it stops) holding the demo content. Never the development database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startLocalPostgres, takeOverSignals } from './lib/local-postgres';
import { applyMigrations } from './lib/apply-migrations';
import { seedIfEmpty } from './lib/seed-if-empty';
import { e2eDatabaseUrl, E2E_PG_PORT, E2E_PORT } from '../e2e/config';

const log = (line: string) => console.log(`[e2e-server] ${line}`);
let next: ChildProcess | undefined;

const postgres = await startLocalPostgres({
  dataDir: path.join(os.tmpdir(), `quire-e2e-${process.pid}`),
  port: E2E_PG_PORT,
  persistent: false,
  log,
});

takeOverSignals(async () => {
  if (next?.pid && next.exitCode === null) {
    const exited = new Promise((r) => next!.once('exit', r));
    next.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  await postgres.stop();
});

await postgres.createDatabase('quire_e2e');
await applyMigrations(e2eDatabaseUrl, log);
await seedIfEmpty(e2eDatabaseUrl);
log('database ready');

const require = createRequire(import.meta.url);
next = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '--port', String(E2E_PORT)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: e2eDatabaseUrl,
    NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
    NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-use-000000',
    // The scheduler runs as in production, polling every second so a test can watch a due issue go
    // out. It only touches issues whose scheduled time has passed: tests that schedule pick the future.
    QUIRE_SCHEDULER: 'on',
    QUIRE_SCHEDULER_INTERVAL_MS: '1000',
  },
});
next.on('exit', async (code) => {
  await postgres.stop();
  process.exit(code ?? 1);
});
