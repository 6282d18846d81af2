/**
 * Prisma's schema engine (the thing behind `prisma migrate`) built to WebAssembly, driven through
 * @prisma/adapter-pg. The Prisma 7 CLI only runs the native engine binary, which it downloads from
 * Prisma's servers; this needs nothing but npm packages. Used by scripts/migrate-new.ts.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

export type SchemaEngine = glue.SchemaEngine;

// The engine reports a Rust panic by calling globalThis.PRISMA_WASM_PANIC_REGISTRY.set_message()
// just before it aborts; without this object the panic surfaces only as "RuntimeError: unreachable".
const panicRegistry = {
  message: '',
  set_message(message: string) {
    this.message = message;
  },
};
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/** An engine error with the panic message (if the engine panicked) in its text. */
export function engineError(error: unknown): Error {
  if (error instanceof WebAssembly.RuntimeError && panicRegistry.message) {
    return new Error(`Schema engine panicked: ${panicRegistry.message}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Awaits an engine call. A Rust panic aborts the engine from inside a callback, so it surfaces as an
 * uncaught exception rather than as a rejection of the pending call: route it to the call, so that
 * the caller's cleanup still runs. (No engine method is safe to call after a panic.)
 */
export async function engineCall<T>(promise: Promise<T>): Promise<T> {
  let onUncaught = (_error: unknown) => {};
  const panicked = new Promise<never>((_, reject) => {
    onUncaught = reject;
    process.once('uncaughtException', onUncaught);
  });
  try {
    return await Promise.race([promise, panicked]);
  } catch (error) {
    throw engineError(error);
  } finally {
    process.off('uncaughtException', onUncaught);
  }
}

let loaded: Promise<typeof glue.SchemaEngine> | undefined;

/**
 * The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
 * cannot do. So instantiate the .wasm by hand against its wasm-bindgen glue, as that entry point would.
 */
function loadEngineClass() {
  loaded ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return loaded;
}

const CHAR_OID = 18; // Postgres's internal one-byte "char" (pg_constraint.contype, pg_class.relkind, ...)
const TEXT_OID = 25;

type PgQueryable = {
  performIO(query: object): Promise<pg.QueryResult>;
  queryRaw(query: object): Promise<{ columnTypes: number[] }>;
  onError(error: unknown): never;
  startTransaction?: (...args: unknown[]) => Promise<object>;
  executeScript?: (script: string) => Promise<void>;
  underlyingDriver?: () => pg.Pool;
};

/** Fixes to adapter-pg's adapters (and their transactions) that the schema engine needs. */
function fixForSchemaEngine<T extends object>(queryable: T): T {
  const q = queryable as unknown as PgQueryable;

  // 1. adapter-pg maps each result column's type OID to a Prisma column type and throws on "char",
  // which the engine's introspection queries return; and the engine reads those columns only as
  // Character. So let adapter-pg see text (node-postgres already returns a one-letter string), then
  // report those columns as Character. (Wraps adapter-pg's internal performIO.)
  const charColumns = new WeakMap<object, number[]>(); // queryRaw hands its query object to performIO
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const found = result.fields.flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
    for (const i of found) result.fields[i]!.dataTypeID = TEXT_OID;
    if (found.length) charColumns.set(query, found);
    return result;
  };
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };

  // 2. adapter-pg's executeScript splits the script at every ";", which breaks a migration holding a
  // function body ($$ ... ; ... $$) or a ";" in a string. Send the script whole, as one simple query,
  // the way Prisma's native engine does.
  const pool = q.underlyingDriver?.();
  if (q.executeScript && pool) {
    q.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        q.onError(error); // adapter-pg's conversion to the error the engine understands
      }
    };
  }

  const startTransaction = q.startTransaction?.bind(q);
  if (startTransaction) q.startTransaction = async (...args) => fixForSchemaEngine(await startTransaction(...args));
  return queryable;
}

/** adapter-pg's factory, its adapters fixed for the schema engine, and a shadow database that can be dropped. */
class MigrationPg extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url });
  }

  override async connect() {
    return fixForSchemaEngine(await super.connect());
  }

  /**
   * adapter-pg's own version drops the shadow database before closing the pool connected to it, so the
   * DROP fails ("is being accessed by other users"). Same thing in the right order.
   */
  override async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.admin(`CREATE DATABASE "${name}"`);
    const url = new URL(this.url);
    url.pathname = `/${name}`;
    const adapter = fixForSchemaEngine(await new PrismaPg({ connectionString: url.toString() }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  }

  private async admin(sql: string) {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/**
 * A schema engine on the PostgreSQL database at `url`; its shadow databases are created on the same
 * server. `schemaFiles` are [path, content] pairs. Call free() on the engine when done.
 */
export async function startSchemaEngine(url: string, schemaFiles: [string, string][]): Promise<SchemaEngine> {
  const SchemaEngine = await loadEngineClass();
  // The engine calls the factory's and adapters' methods unbound (`this` is lost); the binder from
  // driver-adapter-utils wraps each one, and records driver errors for the engine to report.
  const adapter = bindMigrationAwareSqlAdapterFactory(new MigrationPg(url));
  const log = (line: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(`[schema-engine] ${line}`);
  };
  return engineCall(SchemaEngine.new({ datamodels: schemaFiles }, log, adapter));
}
