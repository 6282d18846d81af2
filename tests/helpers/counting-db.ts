import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';

/**
 * Installs, for the calling test file, a Prisma client that counts its queries as the app's client
 * (lib/db/client.ts reads globalThis.quireDb), so data functions can be measured in queries.
 */
export function useCountingDb() {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: inject('databaseUrl') }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let queries = 0;
  db.$on('query', () => {
    queries += 1;
  });
  const holder = globalThis as unknown as { quireDb?: PrismaClient };
  beforeAll(() => {
    holder.quireDb = db;
  });
  afterAll(async () => {
    delete holder.quireDb;
    await db.$disconnect();
  });

  async function countQueries<T>(fn: () => Promise<T>): Promise<[T, number]> {
    queries = 0;
    const result = await fn();
    return [result, queries];
  }
  return { db, countQueries };
}
