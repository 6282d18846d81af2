/**
 * `npm run restore -- FILE [--force]`: loads a dump made by `npm run backup` into DATABASE_URL, or
 * into the embedded development database (created when missing). Refuses a database that already
 * holds tables unless --force, which replaces what the dump holds. Stop the app first.
 */
import { existsSync } from 'node:fs';
import { ensureDatabase, NotEmptyError, restoreDatabase } from './lib/backup';
import { resolveTarget } from './lib/backup-target';

const argv = process.argv.slice(2);
const force = argv.includes('--force');
const file = argv.find((a) => !a.startsWith('--'));
if (!file || !existsSync(file)) {
  console.error(file ? `restore: no such file: ${file}` : 'usage: npm run restore -- FILE [--force]');
  process.exit(2);
}
const target = await resolveTarget({ createCluster: true });
try {
  if (await ensureDatabase(target.databaseUrl)) console.log('created the database');
  const result = await restoreDatabase({ databaseUrl: target.databaseUrl, file, force });
  console.log(`restored ${file} into ${target.label}${result.replaced ? ' (replacing its contents: --force)' : ''}`);
  console.log(
    `  with ${result.tool.source === 'embedded' ? 'the embedded server’s' : 'the system’s'} pg_restore: ${result.tool.path}`,
  );
} catch (error) {
  console.error(`restore refused: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof NotEmptyError ? 3 : 1;
} finally {
  await target.close();
}
