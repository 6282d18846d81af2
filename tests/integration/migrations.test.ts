import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '@/scripts/lib/apply-migrations';
import { freshDatabase } from '../helpers/db';

describe('migrations', () => {
  it('apply to an empty database, recorded as Prisma records them, and a second run changes nothing', async () => {
    const url = await freshDatabase({ migrate: false });
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);

    const applied = await applyMigrations(url);
    expect(applied).toEqual(files.map((f) => f.name));
    expect(await applyMigrations(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
      const tables = await client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      const names = tables.rows.map((r) => r.table_name);
      for (const t of [
        'User',
        'Issue',
        'Section',
        'Item',
        'Meeting',
        'Publication',
        'Source',
        'Tag',
        'ItemTag',
        'Revision',
        'ReviewComment',
        'AuditEvent',
        'Contribution',
        'PublicationSettings',
      ]) {
        expect(names).toContain(t);
      }
    } finally {
      await client.end();
    }
  });

  it('run concurrently, apply each migration once', async () => {
    const url = await freshDatabase({ migrate: false });
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect([...a, ...b].sort()).toEqual((await readMigrations()).map((f) => f.name));
  });
});
