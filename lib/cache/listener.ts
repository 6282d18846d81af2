import 'server-only';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CACHE_CHANNEL } from './tags';
import { expireTags, setConnected, cacheState } from './next-cache-handler.mjs';

/**
 * Every instance listens on one PostgreSQL channel (LISTEN/NOTIFY) for the invalidations that
 * lib/cache/invalidate.ts announces inside the writers' transactions, and applies them to its own
 * cache (lib/cache/next-cache-handler.mjs).
 *
 * Losing the connection: the cache is switched off at once (every request is rendered from the
 * database, published rows only) and emptied; reconnecting (every RECONNECT_MS) switches it on again
 * from empty, since notifications sent meanwhile are lost. A connection that dies silently is caught
 * by a heartbeat every HEARTBEAT_MS that must answer within HEARTBEAT_TIMEOUT_MS: the longest time an
 * instance can serve a page its listener should have expired is about HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS.
 */
const RECONNECT_MS = 1000;
const HEARTBEAT_MS = 5000;
// Generous: a busy instance answers late because its own event loop is busy, not because the link is gone.
const HEARTBEAT_TIMEOUT_MS = 5000;
export const LISTENER_APPLICATION_NAME = 'quire-cache-listener';

type Listener = { stop(): Promise<void> };

const waiting = new Map<string, () => void>();

export function startCacheListener(databaseUrl: string, log: (line: string) => void = console.info): Listener {
  let client: pg.Client | null = null;
  let stopped = false;
  let heartbeat: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;

  const down = (why: string) => {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    const was = client;
    client = null;
    if (was) {
      was.removeAllListeners();
      was.on('error', () => {});
      void was.end().catch(() => {});
      if (cacheState().connected) log(`[cache] listener lost (${why}): cache off until it reconnects`);
    }
    setConnected(false);
    if (!stopped && !retry) retry = setTimeout(connect, RECONNECT_MS);
  };

  const connect = async () => {
    retry = null;
    if (stopped) return;
    const c = new pg.Client({
      connectionString: databaseUrl,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
    });
    c.on('error', (e) => down(e.message));
    c.on('end', () => down('connection closed'));
    c.on('notification', (message) => {
      if (message.channel !== CACHE_CHANNEL || !message.payload) return;
      const payload = parse(message.payload);
      if (payload?.tags) expireTags(payload.tags);
      if (payload?.sync) waiting.get(payload.sync)?.();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (e) {
      client = c;
      return down(e instanceof Error ? e.message : String(e));
    }
    if (stopped) return void c.end().catch(() => {});
    client = c;
    setConnected(true);
    log('[cache] listening for invalidations (PostgreSQL LISTEN/NOTIFY): cache on');
    heartbeat = setInterval(() => {
      const timer = setTimeout(() => down('heartbeat timed out'), HEARTBEAT_TIMEOUT_MS);
      c.query('SELECT 1').then(
        () => clearTimeout(timer),
        (e: Error) => {
          clearTimeout(timer);
          down(e.message);
        },
      );
    }, HEARTBEAT_MS);
    heartbeat.unref();
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      down('stopped');
    },
  };
}

function parse(payload: string): { tags?: string[]; sync?: string } | null {
  try {
    const value = JSON.parse(payload) as { tags?: unknown; sync?: unknown };
    return {
      tags: Array.isArray(value.tags) ? value.tags.filter((t): t is string => typeof t === 'string') : undefined,
      sync: typeof value.sync === 'string' ? value.sync : undefined,
    };
  } catch {
    return null;
  }
}

/**
 * Resolves once this instance's listener has heard a notification sent now, so every invalidation
 * committed before it has been applied here (PostgreSQL delivers notifications in commit order).
 * Server actions call it after a write (lib/actions/action.ts): the page the editor opens next is fresh.
 * Gives up after `timeoutMs` (the listener is down: the cache is off anyway).
 */
export async function waitForOwnInvalidations(
  notify: (channel: string, payload: string) => Promise<unknown>,
  timeoutMs = 1000,
): Promise<void> {
  if (!cacheState().connected) return;
  const id = randomUUID();
  const heard = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    waiting.set(id, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await notify(CACHE_CHANNEL, JSON.stringify({ sync: id }));
    await heard;
  } finally {
    waiting.delete(id);
  }
}
