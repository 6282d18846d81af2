/**
 * npm run db:migrate:new -- <name>
 *
 * Creates prisma/migrations/<UTC timestamp>_<name>/migration.sql: the SQL that takes a database built
 * by the existing migrations to prisma/schema.prisma, exactly as `prisma migrate dev --create-only`
 * would write it. Offline and without DATABASE_URL: Prisma's schema engine runs as WebAssembly
 * (scripts/lib/schema-engine-wasm.ts) against a throwaway embedded PostgreSQL, used as the shadow
 * database and removed afterwards.
 *
 * Hand-written additions to a migration (CHECK constraints, triggers) are fine: Prisma neither
 * models nor diffs them, so they do not show up as differences here.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startThrowawayPostgres, type LocalPostgres } from './lib/local-postgres';
import { engineCall, startSchemaEngine, type SchemaEngine } from './lib/schema-engine-wasm';

const root = process.cwd();

/** Prisma's own normalisation of a migration name (`migrate dev --name "Add users"` → add_users). */
function migrationName(raw: string) {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .substring(0, 200);
}

/** The schema file (or every .prisma file of a schema folder) as [path, content] pairs. */
async function readSchema(schemaPath: string): Promise<[string, string][]> {
  const files = (await stat(schemaPath)).isDirectory()
    ? (await readdir(schemaPath, { recursive: true }))
        .filter((f) => f.endsWith('.prisma'))
        .sort()
        .map((f) => path.join(schemaPath, f))
    : [schemaPath];
  return Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')] as [string, string]));
}

/** The migrations folder as the engine expects it (what the Prisma CLI sends it). */
async function readMigrationsList(baseDir: string, shadowDbInitScript: string) {
  const lockfilePath = 'migration_lock.toml';
  const lockfile = {
    path: lockfilePath,
    content: await readFile(path.join(baseDir, lockfilePath), 'utf8').catch(() => null),
  };
  const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
      .map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(baseDir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
  );
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript };
}

async function main() {
  const name = migrationName(process.argv.slice(2).join(' '));
  if (!name) {
    console.error('Usage: npm run db:migrate:new -- <name>   (e.g. add_issue_theme)');
    process.exit(2);
  }

  const { default: config } = await import(pathToFileURL(path.join(root, 'prisma.config.ts')).href);
  const schemaFiles = await readSchema(path.resolve(root, config.schema ?? 'prisma/schema.prisma'));
  const baseDir = path.resolve(root, config.migrations?.path ?? 'prisma/migrations');
  const migrationsList = await readMigrationsList(baseDir, config.migrations?.initShadowDb ?? '');
  const filters = { externalTables: config.tables?.external ?? [], externalEnums: config.enums?.external ?? [] };

  let postgres: LocalPostgres | undefined;
  let engine: SchemaEngine | undefined;
  try {
    postgres = await startThrowawayPostgres('migrate-new');
    engine = await startSchemaEngine(postgres.url('postgres'), schemaFiles);
    // The calls `prisma migrate dev --create-only` makes. The Wasm engine's createMigration cannot open
    // a PostgreSQL shadow database itself; devDiagnostic can (through the adapter factory), and it
    // leaves the schema the migrations produce in a cache that createMigration then reads.
    await engineCall(engine.applyMigrations({ migrationsList, filters }));
    const { action } = await engineCall(engine.devDiagnostic({ migrationsList, filters }));
    if (action.tag === 'reset') throw new Error(`The migration history is inconsistent: ${action.reason}`);
    const result = await engineCall(
      engine.createMigration({
        migrationName: name,
        draft: false,
        migrationsList,
        schema: { files: schemaFiles.map(([p, content]) => ({ path: p, content })) },
        filters,
      }),
    );

    if (result.migrationScript === null) {
      console.log('No difference between prisma/schema.prisma and the migrations: nothing written.');
      return;
    }
    // Written the way the Prisma CLI writes them.
    const dir = path.join(baseDir, result.generatedMigrationName);
    if (existsSync(dir)) throw new Error(`${dir} already exists`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `migration.${result.extension}`), result.migrationScript, 'utf8');
    await writeFile(
      path.join(baseDir, 'migration_lock.toml'),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${result.connectorType}"\n`,
      'utf8',
    );
    console.log(`Created ${path.relative(root, dir)}/migration.${result.extension}`);
    if (result.migrationScript.startsWith('/*')) console.log('Read the warnings at the top of it before applying it.');
  } finally {
    try {
      engine?.free();
    } catch {
      // after a panic the engine cannot even be freed; the process is about to end anyway
    }
    await postgres?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
