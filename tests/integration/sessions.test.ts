/**
 * Sessions that end (tracker issue 13, defect 1). The cookie is a next-auth JWT, which next-auth
 * re-signs with a fresh expiry on every GET /api/auth/session; these tests replay an old cookie, and
 * the cookie re-signed exactly as that route does it (our jwt callback, then next-auth's encode), after
 * sign-out, "sign out everywhere", the idle timeout and the absolute lifetime (on an injected clock),
 * and expect the back office to send them to the sign-in page. Real PostgreSQL; only the request
 * (next/headers), next/cache and redirect are stand-ins.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { useAppClient, actorOf } from '../helpers/app-client';
import { createUser } from '../helpers/factories';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect to ${url}`), { redirectTo: url });
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
  notFound: () => {
    throw new Error('not found');
  },
}));
request.headers.set('x-forwarded-for', '192.0.2.44');
request.headers.set('x-quire-path', '/admin/items');

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { requireActor, getCurrentActor } = await import('@/lib/auth/current-actor');
const { encodeSessionToken, readSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const { authOptions } = await import('@/lib/auth/options');
const { encode } = await import('next-auth/jwt');
const { setClock } = await import('@/lib/clock');
const { signOutAction } = await import('@/app/admin/sign-out-action');
const account = await import('@/app/admin/account/actions');
const { updateSecuritySettings } = await import('@/lib/settings/security-settings');

const app = useAppClient({ fresh: true });
let db: Db;
beforeAll(() => {
  db = app.db;
});

let offsetMs = 0;
/** Moves the app's clock (lib/clock.ts) forward. */
function advance(minutes: number) {
  offsetMs += minutes * 60_000;
  setClock(() => new Date(Date.now() + offsetMs));
}
afterEach(() => {
  offsetMs = 0;
  setClock(null);
});

const useCookie = (token: string) => {
  request.cookies.clear();
  request.cookies.set(sessionCookie().name, token);
};

/** Where a back-office page sends this request: 'in' or the sign-in address. */
async function backOffice(token: string): Promise<string> {
  useCookie(token);
  try {
    await requireActor();
    return 'in';
  } catch (e) {
    const to = (e as { redirectTo?: string }).redirectTo;
    if (!to) throw e;
    return to;
  }
}

/** What GET /api/auth/session does with a cookie: decode, our jwt callback, encode with a fresh expiry. */
async function resignedByNextAuth(token: string): Promise<string> {
  useCookie(token);
  const decoded = await readSessionToken();
  expect(decoded).not.toBeNull();
  const next = await authOptions.callbacks!.jwt!({ token: decoded!, user: undefined as never, account: null });
  return encode({ token: next, secret: process.env.NEXTAUTH_SECRET!, maxAge: authOptions.session!.maxAge });
}

async function signedIn(role: 'CONTRIBUTOR' | 'EDITOR' | 'ADMIN' = 'EDITOR') {
  const user = await createUser(db, role);
  const token = await encodeSessionToken(user);
  expect(await backOffice(token)).toBe('in');
  return { user, token };
}

describe('signing out', () => {
  it('ends the session on the server: the old cookie, and the cookie re-signed by next-auth, go to sign-in', async () => {
    const { user, token } = await signedIn();
    const copy = token; // what an attacker lifted from the browser
    const resignedBefore = await resignedByNextAuth(copy);

    useCookie(token);
    await expect(signOutAction()).rejects.toMatchObject({ redirectTo: '/login?signedOut=1' });

    expect(await backOffice(copy)).toBe('/login?callbackUrl=%2Fadmin%2Fitems');
    expect(await backOffice(resignedBefore)).toMatch(/^\/login/);
    expect(await backOffice(await resignedByNextAuth(copy))).toMatch(/^\/login/);

    const events = await db.auditEvent.findMany({ where: { entityId: user.id, action: 'auth.signOut' } });
    expect(events).toHaveLength(1);
    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.endReason)).toEqual(['signOut']);
  });

  it('ends only that session: the same person in another browser stays signed in', async () => {
    const { user, token: laptop } = await signedIn();
    const phone = await encodeSessionToken(user);
    useCookie(laptop);
    await expect(signOutAction()).rejects.toMatchObject({ redirectTo: '/login?signedOut=1' });
    expect(await backOffice(laptop)).toMatch(/^\/login/);
    expect(await backOffice(phone)).toBe('in');
  });

  it('refuses a token without a session id (as issued before sessions were kept on the server)', async () => {
    const user = await createUser(db, 'EDITOR');
    const old = await encode({
      token: { sub: user.id, name: user.name, email: user.email, sv: user.sessionVersion },
      secret: process.env.NEXTAUTH_SECRET!,
    });
    expect(await backOffice(old)).toMatch(/^\/login/);
  });

  it("refuses a token naming someone else's session", async () => {
    const { token: mine } = await signedIn();
    const other = await createUser(db, 'ADMIN');
    useCookie(mine);
    const claims = (await readSessionToken())!;
    const forged = await encode({
      token: { ...claims, sub: other.id, sv: other.sessionVersion },
      secret: process.env.NEXTAUTH_SECRET!,
    });
    expect(await backOffice(forged)).toMatch(/^\/login/);
  });
});

describe('sign out everywhere', () => {
  it("ends every session of the person, this one included, records it once, and leaves others' alone", async () => {
    const { user, token: here } = await signedIn();
    const elsewhere = await encodeSessionToken(user);
    const { token: colleague } = await signedIn();

    useCookie(here);
    await expect(account.signOutEverywhereAction(null, new FormData())).rejects.toMatchObject({
      redirectTo: '/login?signedOutEverywhere=1',
    });
    expect(await backOffice(here)).toMatch(/^\/login/);
    expect(await backOffice(elsewhere)).toMatch(/^\/login/);
    expect(await backOffice(await resignedByNextAuth(elsewhere))).toMatch(/^\/login/);
    expect(await backOffice(colleague)).toBe('in');

    const events = await db.auditEvent.findMany({ where: { entityId: user.id, action: 'account.signOutEverywhere' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ sessionsEnded: 2 });
  });

  it('asks an ended session to sign in again and changes nothing', async () => {
    const { user, token } = await signedIn();
    const other = await encodeSessionToken(user);
    useCookie(token);
    await expect(signOutAction()).rejects.toMatchObject({ redirectTo: '/login?signedOut=1' });
    useCookie(token);
    const result = await account.signOutEverywhereAction(null, new FormData());
    expect(result).toMatchObject({ ok: false });
    expect(await backOffice(other)).toBe('in');
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: 'account.signOutEverywhere' } })).toBe(0);
  });
});

describe('the idle timeout', () => {
  it('ends a session unused for 2 hours; back-office requests keep it alive, /api/auth/session does not', async () => {
    const { token } = await signedIn();
    advance(119);
    expect(await backOffice(token)).toBe('in'); // activity: the idle clock starts again
    advance(119);
    expect(await backOffice(token)).toBe('in');

    // Only next-auth's session endpoint is called for 2 hours: re-signed cookies, no activity.
    let resigned = token;
    for (let i = 0; i < 4; i += 1) {
      advance(30);
      resigned = await resignedByNextAuth(resigned);
    }
    expect(await backOffice(resigned)).toMatch(/^\/login/);
    expect(await backOffice(token)).toMatch(/^\/login/);
  });

  it('follows the setting admins change, on the next request of every open session', async () => {
    const admin = await createUser(db, 'ADMIN');
    const editor = await createUser(db, 'EDITOR');
    const { token } = await signedIn();
    await expect(updateSecuritySettings(actorOf(editor), { sessionIdleMinutes: 5 })).rejects.toThrow();
    expect(await db.securitySettings.count()).toBe(0);

    await updateSecuritySettings(actorOf(admin), { sessionIdleMinutes: 30 });
    try {
      advance(29);
      expect(await backOffice(token)).toBe('in');
      advance(31);
      expect(await backOffice(token)).toMatch(/^\/login/);
      const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.updateSecurity' } });
      expect(event).toMatchObject({ actorId: admin.id, data: { changed: ['sessionIdleMinutes'] } });
    } finally {
      await updateSecuritySettings(actorOf(admin), { sessionIdleMinutes: 120 });
    }
  });
});

describe('the absolute lifetime', () => {
  it('ends a session 12 hours after sign-in, however busy, and however often next-auth re-signed it', async () => {
    const { token } = await signedIn();
    let resigned = token;
    for (let hour = 1; hour < 12; hour += 1) {
      advance(60);
      expect(await backOffice(token), `after ${hour} hours`).toBe('in');
      resigned = await resignedByNextAuth(resigned);
    }
    advance(59);
    expect(await backOffice(resigned)).toBe('in');
    advance(1);
    expect(await backOffice(resigned)).toMatch(/^\/login/);
    expect(await backOffice(token)).toMatch(/^\/login/);
  });
});

describe('cost', () => {
  it('is one query per request, plus one write at most once a minute', async () => {
    const { token } = await signedIn();
    useCookie(token);
    const [, reads] = await app.countQueries(() => getCurrentActor());
    expect(reads).toBe(1);
    advance(2);
    const [, touched] = await app.countQueries(() => getCurrentActor());
    expect(touched).toBe(2);
    const [, again] = await app.countQueries(() => getCurrentActor());
    expect(again).toBe(1);
  });
});
