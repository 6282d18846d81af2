/**
 * getCurrentActor is wrapped in React's cache() so the layout and the page of one request share one
 * read. Outside a server-component render (server actions, route handlers, these tests) cache() does
 * not remember anything: every call still reads the account, so a change shows on the very next call.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { useAppClient } from '../helpers/app-client';
import { createUser } from '../helpers/factories';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { getCurrentActor } = await import('@/lib/auth/current-actor');
const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});

async function signIn(role: 'EDITOR' | 'CONTRIBUTOR') {
  const user = await createUser(db, role);
  request.cookies.clear();
  request.cookies.set(sessionCookie().name, await encodeSessionToken(user));
  return user;
}

describe('getCurrentActor outside a request render', () => {
  it('reads the account on every call: a role change and a deactivation show on the next call', async () => {
    const user = await signIn('CONTRIBUTOR');
    expect(await getCurrentActor()).toMatchObject({ id: user.id, role: 'CONTRIBUTOR', status: 'ACTIVE' });

    await db.user.update({ where: { id: user.id }, data: { role: 'EDITOR' } });
    expect(await getCurrentActor()).toMatchObject({ id: user.id, role: 'EDITOR' });

    await db.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } } });
    expect(await getCurrentActor()).toBeNull();
  });

  it('follows the request: another session cookie is another person, none is nobody', async () => {
    const first = await signIn('EDITOR');
    expect((await getCurrentActor())?.id).toBe(first.id);
    const second = await signIn('CONTRIBUTOR');
    expect((await getCurrentActor())?.id).toBe(second.id);
    request.cookies.clear();
    expect(await getCurrentActor()).toBeNull();
  });
});
