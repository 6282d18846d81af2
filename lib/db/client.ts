import 'server-only';
import type { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/outage/unavailable-error';
import { registerDatabaseProbe, reportDatabaseDown } from '@/lib/outage/database-state';
import { createDb, type Db } from './create-db';

export { createDb, type Db };

// One client per process. In development Next re-evaluates modules on every change, so the client
// is kept on globalThis to avoid opening a new pool each time. Creating it must not throw at import
// time (next build imports this module without a database), hence the lazy getter.
const globalForDb = globalThis as unknown as { quireDb?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForDb.quireDb && env().buildPhase) return buildPhaseDb;
  if (!globalForDb.quireDb) {
    const url = env().databaseUrl;
    if (!url) throw new Error('DATABASE_URL is not set: start Quire with `npm run dev` or set DATABASE_URL.');
    const db = createDb(url, {
      // PostgreSQL stopping closes every idle connection at once: the first sign of an outage.
      onConnectionError: (error) => {
        if (isDatabaseUnavailable(error)) reportDatabaseDown(error.message);
      },
    });
    registerDatabaseProbe(async () => {
      try {
        await db.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    });
    globalForDb.quireDb = db;
  }
  return globalForDb.quireDb;
}

/**
 * During `next build` there is no database, yet Next.js renders the cached public pages that have no
 * parameters (home, archive, topics, feeds) once to check them. They read nothing: every query answers
 * "none". Those renders are never served: Quire's cache handler (lib/cache) is empty at start-up and
 * renders each page on its first request.
 */
const EMPTY: Record<string, unknown> = { findMany: [], findFirst: null, findUnique: null, count: 0, groupBy: [] };
const buildPhaseDb = new Proxy({} as PrismaClient, {
  get(_target, name) {
    if (name === 'then') return undefined;
    if (name === '$queryRaw' || name === '$queryRawUnsafe') return async () => [];
    return new Proxy(
      {},
      {
        get(_model, method) {
          if (typeof method === 'string' && method in EMPTY) return async () => EMPTY[method];
          return async () => {
            throw new Error(`No database during next build (${String(name)}.${String(method)}).`);
          };
        },
      },
    );
  },
});
