/** `npm run db:deploy`: applies pending migrations to the database in DATABASE_URL (production, CI). */
import { loadDotEnv } from './lib/env-file';
import { applyMigrations } from './lib/apply-migrations';

loadDotEnv();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: set it to the PostgreSQL server to migrate.');
  process.exit(1);
}
const applied = await applyMigrations(url, (line) => console.log(line));
console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
