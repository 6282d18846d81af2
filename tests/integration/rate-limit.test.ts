/**
 * lib/rate-limit: the limit holds across app processes that share one database (two child processes
 * race on one key), and windows end.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { consume } from '@/lib/rate-limit/consume';
import { useAppClient } from '../helpers/app-client';

const app = useAppClient();

function worker(key: string, attempts: number, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=react-server',
        '--import',
        'tsx',
        path.join('tests', 'helpers', 'rate-limit-worker.ts'),
        inject('databaseUrl'),
        key,
        String(attempts),
        String(limit),
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err}`));
      resolve((JSON.parse(out) as { allowed: number }).allowed);
    });
  });
}

describe('rate limit', () => {
  it('holds across two processes sharing the database', async () => {
    const key = `test:processes:${Date.now()}`;
    const [a, b] = await Promise.all([worker(key, 20, 15), worker(key, 20, 15)]);
    expect(a + b).toBe(15);
    const row = await app.db.rateLimitCounter.findFirst({ where: { key } });
    expect(row?.count).toBe(40);
  }, 60_000);

  it('refuses past the limit within a window and allows again in the next', async () => {
    const key = `test:window:${Date.now()}`;
    const now = new Date('2030-01-01T10:00:00Z');
    const opts = { limit: 2, windowSeconds: 60, db: app.db };
    expect((await consume(key, { ...opts, now })).allowed).toBe(true);
    expect((await consume(key, { ...opts, now })).allowed).toBe(true);
    expect((await consume(key, { ...opts, now })).allowed).toBe(false);
    expect((await consume(key, { ...opts, now: new Date('2030-01-01T10:01:00Z') })).allowed).toBe(true);
  });
});
