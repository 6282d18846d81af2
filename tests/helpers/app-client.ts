import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import type { Db } from '@/lib/db/client';
import { freshDatabase } from './db';

/**
 * Installs a client as the app's own (what getDb() returns) for a test file that calls lib/ functions
 * or server actions, and counts its queries (the one query-counting helper). On the run's shared
 * database the client exists at once (`const { db, countQueries } = useAppClient()` at the top of a
 * file works); `fresh: true` gives the file a database of its own, for tests that must see the whole
 * database (the scheduler picks up every due issue; the settings are one row), and its client exists
 * from beforeAll on.
 */
export function useAppClient(options: { fresh?: boolean } = {}) {
  let queries = 0;
  const connect = (url: string): Db => {
    const counting = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url }),
      log: [{ emit: 'event', level: 'query' }],
    });
    counting.$on('query', () => {
      queries += 1;
    });
    return counting as unknown as Db;
  };
  let client: Db | null = options.fresh ? null : connect(inject('databaseUrl'));
  const holder = globalThis as unknown as { quireDb?: PrismaClient };
  beforeAll(async () => {
    client ??= connect(await freshDatabase());
    holder.quireDb = client;
  });
  afterAll(async () => {
    if (holder.quireDb === client) delete holder.quireDb;
    await client?.$disconnect();
  });
  return {
    get db(): Db {
      if (!client) throw new Error('useAppClient({ fresh: true }): the client exists from beforeAll on.');
      return client;
    },
    async countQueries<T>(fn: () => Promise<T>): Promise<[T, number]> {
      queries = 0;
      const result = await fn();
      return [result, queries];
    },
  };
}

/** The policy's view of a user row. */
export function actorOf(user: {
  id: string;
  role: 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR';
  status: 'ACTIVE' | 'INVITED' | 'DEACTIVATED';
}): NonNullable<Actor> {
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
