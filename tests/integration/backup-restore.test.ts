/**
 * `npm run backup` and `npm run restore` as an operator runs them (the real command lines, as child
 * processes, against a real PostgreSQL): a database with the demo content and the test's own rows is
 * dumped, restored into an empty database, and every table's row count and checksum (md5 of all its
 * rows in a fixed order), and every sequence's position, must be equal. A second restore into the
 * now full database is refused; with --force it replaces it.
 *
 * pg_dump only reads servers of its own major version or older. The embedded PostgreSQL is 18 and
 * its npm package ships no pg_dump; Debian 12's is 15. So the round trip runs on the test's own
 * PostgreSQL 18 when the pg_dump found is 18 or later, and otherwise on a throwaway PostgreSQL 15
 * (tests/helpers/postgres-15.ts); with an old pg_dump, the refusal to dump a newer server is tested too.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/create-db';
import { seedDemo } from '@/prisma/seed/demo';
import { applyMigrations } from '@/scripts/lib/apply-migrations';
import { findPgTool } from '@/scripts/lib/pg-tools';
import { freshDatabase } from '../helpers/db';
import { postgres15BinDir, startPostgres15, type Postgres15 } from '../helpers/postgres-15';

const run = promisify(execFile);

type CliResult = { code: number; stdout: string; stderr: string };
async function cli(script: 'backup' | 'restore', args: string[], databaseUrl: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      maxBuffer: 8 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every table's row count and md5 of its rows (sorted as text), and every sequence's last value. */
async function fingerprint(databaseUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ n: string; sum: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS sum FROM ${name} t`,
      );
      out[name] = `${rows[0]!.n} rows, ${rows[0]!.sum ?? 'empty'}`;
    }
    const sequences = await client.query<{ name: string; last: string | null }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS last FROM pg_sequences ORDER BY 1`,
    );
    for (const s of sequences.rows) out[`sequence ${s.name}`] = s.last ?? 'not used';
    return out;
  } finally {
    await client.end();
  }
}

const newDatabaseOn = (server: Postgres15 | null) => async (name: string, migrate: boolean) => {
  if (!server) return freshDatabase({ migrate });
  await server.createDatabase(name);
  const url = server.url(name);
  if (migrate) await applyMigrations(url);
  return url;
};

let outDir: string;
let pg15: Postgres15 | null = null;
let newDatabase: (name: string, migrate: boolean) => Promise<string>;
let dumpMajor = 0;
let usable = true;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'quire-backups-'));
  const dump = await findPgTool('pg_dump');
  dumpMajor = dump.major;
  if (dump.major < 18) {
    if (dump.major === 15 && postgres15BinDir()) pg15 = await startPostgres15();
    else usable = false;
  }
  newDatabase = newDatabaseOn(pg15);
}, 120_000);
afterAll(async () => {
  await pg15?.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round trip: every table and sequence equal after restoring into an empty database', async (ctx) => {
    if (!usable) ctx.skip();
    const source = await newDatabase('backup_source', true);
    const db = createDb(source);
    await seedDemo(db);
    // Rows of this test's own, with text that needs quoting and an audit event (an append-only table).
    const editor = await db.user.findFirstOrThrow({ where: { role: 'EDITOR' } });
    await db.auditEvent.create({
      data: {
        actorId: editor.id,
        action: 'test.backup',
        entityType: 'Test',
        entityId: 'x',
        note: 'quotes \' " and\nlines, ünïcödé',
      },
    });
    await db.$disconnect();
    const before = await fingerprint(source);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(Object.values(before).some((v) => v.startsWith('0 rows'))).toBe(true);

    const backup = await cli('backup', ['--out', outDir], source);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/pg_dump: \S+ \(pg_dump \(PostgreSQL\) \d+/);
    const files = await readdir(outDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^quire-backup_source-\d{8}T\d{6}Z\.dump$|^quire-t_[a-z0-9_]+-\d{8}T\d{6}Z\.dump$/);
    const file = path.join(outDir, files[0]!);

    const target = await newDatabase('backup_target', false);
    const restore = await cli('restore', [file], target);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await fingerprint(target)).toEqual(before);

    // Into a database that is not empty: refused, nothing changed.
    const again = await cli('restore', [file], target);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/is not empty .*--force/);
    expect(await fingerprint(target)).toEqual(before);

    // --force replaces what it holds: rows added since are gone, the rest as in the dump.
    const t = createDb(target);
    await t.auditEvent.create({ data: { action: 'test.after', entityType: 'Test', entityId: 'y' } });
    await t.$disconnect();
    expect(await fingerprint(target)).not.toEqual(before);
    const forced = await cli('restore', [file, '--force'], target);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await fingerprint(target)).toEqual(before);
  }, 240_000);

  it('refuses a missing file and says how to call it', async () => {
    const missing = await cli('restore', [path.join(outDir, 'nope.dump')], 'postgresql://127.0.0.1:1/none');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('refuses, with the reason, to dump a server newer than the pg_dump found', async (ctx) => {
    if (dumpMajor >= 18) ctx.skip();
    const url = await freshDatabase();
    const result = await cli('backup', ['--out', outDir], url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pg_dump at \S+ \((embedded|system)\) is version \d+, older than the server \(18/);
    expect(existsSync(outDir) && (await readdir(outDir)).some((f) => f.includes(new URL(url).pathname.slice(1)))).toBe(
      false,
    );
  }, 60_000);
});
