/**
 * `npm run backup [-- --out DIR]`: a consistent dump (pg_dump, custom format) of DATABASE_URL, or of
 * the embedded development database, as DIR/quire-<database>-<UTC time>.dump (DIR: backups/).
 */
import { backupDatabase } from './lib/backup';
import { option, resolveTarget } from './lib/backup-target';

const outDir = option(process.argv.slice(2), 'out') ?? 'backups';
const target = await resolveTarget({ createCluster: false });
try {
  const result = await backupDatabase({ databaseUrl: target.databaseUrl, outDir });
  console.log(`backed up ${target.label} (PostgreSQL ${result.serverVersion})`);
  console.log(
    `  with ${result.tool.source === 'embedded' ? 'the embedded server’s' : 'the system’s'} pg_dump: ${result.tool.path} (${result.tool.version})`,
  );
  console.log(`  to ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB)`);
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await target.close();
}
