import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

export type Db = PrismaClient;

/**
 * A Prisma client on the database at `connectionString` (driver adapter pg). The app never calls this
 * itself: it uses getDb() (lib/db/client.ts, server-only). Scripts, the demo seed and the tests, which
 * bring their own connection string and run outside Next.js, import it from here.
 */
export function createDb(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}
