import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

export type Db = PrismaClient;

export type CreateDbOptions = {
  /** Called when the pool or one of its connections reports an error (PostgreSQL going away). */
  onConnectionError?: (error: Error) => void;
};

/**
 * A Prisma client on the database at `connectionString` (driver adapter pg). The app never calls this
 * itself: it uses getDb() (lib/db/client.ts, server-only). Scripts, the demo seed and the tests, which
 * bring their own connection string and run outside Next.js, import it from here.
 *
 * A connection attempt gives up after 5 s (pg's default is to wait for ever), so a database host that
 * does not answer at all fails requests rather than hanging them. A connection broken by a restart
 * is dropped from the pool, and the next query opens a new one: no app restart is needed.
 */
export function createDb(connectionString: string, options: CreateDbOptions = {}): Db {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, connectionTimeoutMillis: 5000 },
      { onPoolError: options.onConnectionError, onConnectionError: options.onConnectionError },
    ),
  });
}
