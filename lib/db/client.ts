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
