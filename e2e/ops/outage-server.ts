/**
 * A production server (`next start` of the build) of its own, with an embedded PostgreSQL of its own
 * that a test may stop and start again: for the database-outage test (outage.spec.ts). Its ports are
 * E2E_PORT + 1 (web) and E2E_PORT + 2 (PostgreSQL), next to the shared test server's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startLocalPostgres, type LocalPostgres } from '@/scripts/lib/local-postgres';
import { applyMigrations } from '@/scripts/lib/apply-migrations';
import { seedIfEmpty } from '@/scripts/lib/seed-if-empty';
import { E2E_PORT } from '../config';

export const OUTAGE_PORT = E2E_PORT + 1;
export const OUTAGE_PG_PORT = E2E_PORT + 2;
export const outageBaseUrl = `http://localhost:${OUTAGE_PORT}`;

const require = createRequire(import.meta.url);

export type OutageServer = {
  databaseUrl: string;
  log: string;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  close(): Promise<void>;
};

/**
 * `onCleanup` receives the close function as soon as there is something to close, so a caller whose
 * set-up times out half-way still stops what was started.
 */
export async function startOutageServer(onCleanup: (close: () => Promise<void>) => void): Promise<OutageServer> {
  const dataDir = path.join(os.tmpdir(), `quire-outage-${process.pid}-${Date.now().toString(36)}`);
  // persistent: stopping keeps the data, so the same database comes back (deleted in close()).
  const boot = () => startLocalPostgres({ dataDir, port: OUTAGE_PG_PORT, persistent: true });
  let postgres: LocalPostgres | null = null;
  let next: ChildProcess | null = null;
  let out: ReturnType<typeof createWriteStream> | null = null;
  const close = async () => {
    if (next?.pid && next.exitCode === null) {
      const exited = new Promise((r) => next!.once('exit', r));
      try {
        process.kill(-next.pid, 'SIGTERM');
      } catch {
        /* gone already */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    await postgres?.stop();
    postgres = null;
    await rm(dataDir, { recursive: true, force: true });
    out?.end();
  };
  onCleanup(close);
  postgres = await boot();
  await postgres.createDatabase('quire_outage');
  const databaseUrl = postgres.url('quire_outage');
  await applyMigrations(databaseUrl);
  await seedIfEmpty(databaseUrl);

  const log = path.resolve('test-results', `outage-server-${process.pid}.log`);
  out = createWriteStream(log);
  next = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '--port', String(OUTAGE_PORT)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: outageBaseUrl,
      NEXTAUTH_SECRET: 'e2e-outage-only-secret-not-for-production-0000',
      QUIRE_SCHEDULER: 'off',
      QUIRE_EDITION_RUNNER: 'off',
      SMTP_HOST: '',
    },
  });
  const server = next;
  server.stdout?.pipe(out);
  server.stderr?.pipe(out);

  const deadline = Date.now() + 90_000;
  while (true) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${next.exitCode}; see ${log}`);
    try {
      const res = await fetch(`${outageBaseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer in 90 s; see ${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }

  return {
    databaseUrl,
    log,
    async stopDatabase() {
      await postgres?.stop();
      postgres = null;
    },
    async startDatabase() {
      postgres ??= await boot();
    },
    close,
  };
}
