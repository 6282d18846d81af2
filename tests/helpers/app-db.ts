import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';

/**
 * Installs a client on the run's throwaway database as the app's own (what getDb() returns), for
 * tests that call lib/ functions. Counts queries, for "a fixed number of queries" tests.
 */
export function useAppDb() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('databaseUrl') }), log: [{ emit: 'event', level: 'query' }] });
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
  return {
    db,
    async countQueries<T>(fn: () => Promise<T>): Promise<[T, number]> {
      queries = 0;
      const result = await fn();
      return [result, queries];
    },
  };
}

/** The policy's view of a user row. */
export function actorOf(user: { id: string; role: 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR'; status: 'ACTIVE' | 'INVITED' | 'DEACTIVATED' }): NonNullable<Actor> {
  return { id: user.id, role: user.role, status: user.status };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('Expected the call to be refused, but it succeeded.');
}
