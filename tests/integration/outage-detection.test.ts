/**
 * Telling "the database cannot be reached" from every other error, on errors from a real driver: a
 * port where nothing listens, and a real server stopped under an open pool, against a real SQL error
 * (which must not count). Then the action wrapper: with the database gone, a real server action
 * answers `unavailable` with what was typed (not the error page) and marks the database down.
 * Only next/headers and next/cache are stand-ins.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/lib/db/create-db';
import { findFreePort, startThrowawayPostgres } from '@/scripts/lib/local-postgres';
import { isDatabaseUnavailable } from '@/lib/outage/unavailable-error';
import { databaseState, reportDatabaseUp } from '@/lib/outage/database-state';
import { testDb } from '../helpers/db';

const session = vi.hoisted(() => ({ token: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (session.token ? { name, value: session.token } : undefined),
    set: () => {},
  }),
  headers: async () => ({ get: () => null }),
}));
vi.mock('next/cache', () => ({ refresh: () => {}, revalidatePath: () => {} }));
process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';
process.env.NEXTAUTH_URL = 'http://quire.test';

const holder = globalThis as unknown as { quireDb?: unknown };
afterAll(() => {
  delete holder.quireDb;
});

describe('isDatabaseUnavailable', () => {
  it('is true for a port where nothing listens', async () => {
    const db = createDb(`postgresql://postgres:x@127.0.0.1:${await findFreePort()}/none`);
    const error = await db.$queryRaw`SELECT 1`.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
    await db.$disconnect();
  });

  it('is true when the server stops under an open pool, and the pool reports it at once', async () => {
    const server = await startThrowawayPostgres('outage');
    await server.createDatabase('x');
    const poolErrors: Error[] = [];
    const db = createDb(server.url('x'), { onConnectionError: (e) => poolErrors.push(e) });
    await db.$queryRaw`SELECT 1`;
    await server.stop();
    const error = await db.$queryRaw`SELECT 1`.catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(poolErrors.length).toBeGreaterThan(0);
    expect(poolErrors.every((e) => isDatabaseUnavailable(e))).toBe(true);
    await db.$disconnect();
  });

  it('is false for a query the database refuses, and for other errors', async () => {
    const db = testDb();
    const error = await db.$queryRawUnsafe('SELEKT 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    await db.$disconnect();
  });
});

describe('server actions while the database is away', () => {
  it('answer "unavailable" with the typed values, and mark the database down', async () => {
    const db = createDb(`postgresql://postgres:x@127.0.0.1:${await findFreePort()}/none`);
    holder.quireDb = db;
    reportDatabaseUp();
    // A well-formed token (made without the database, which is away): the action must reach the
    // database to check its session.
    const { encodeClaims, sessionClaims } = await import('@/lib/auth/session');
    const user = { id: 'u1', email: 'e@quire.test', name: 'E', sessionVersion: 0 };
    session.token = await encodeClaims(sessionClaims(user, { id: 'session-x', createdAt: new Date() }));
    const { saveItemAction } = await import('@/app/admin/items/[id]/actions');
    const fields = { title: 'Typed while the database was away' };
    const result = await saveItemAction(null, { itemId: 'x', expectedVersion: 1, autosave: true, fields });
    expect(result).toMatchObject({ ok: false, code: 'unavailable' });
    expect(result.ok === false && result.message).toMatch(/database cannot be reached/);
    expect(databaseState().reachable).toBe(false);
    reportDatabaseUp();
    await db.$disconnect();
  });
});
