// @ts-check
/**
 * Quire's cache handler for Next.js (next.config.ts `cacheHandler`): the store behind every cached
 * public page and route handler (ISR). Plain JavaScript because Next loads it with Node's own loader.
 *
 * - In memory, per instance, at most MAX_ENTRIES (least recently used go first).
 * - Tags: every entry gets tags derived from its path (lib/cache/tags.ts explains them), so a writer
 *   expires exactly what it affects. Tags are expired by lib/cache/invalidate.ts through the
 *   PostgreSQL LISTEN/NOTIFY listener (lib/cache/listener.ts), which reaches every instance.
 * - Safe when the listener is down: nothing is stored, and nothing is served from the cache while the
 *   database answers (an instance that cannot hear invalidations renders every request, from published
 *   rows only). While the database itself is unreachable (lib/outage/database-state.ts: nobody can
 *   publish or withdraw then), what the cache holds is served as it is, stale rather than a 503. On
 *   reconnecting, everything is dropped (a notification may have been missed).
 * - A render that started before an invalidation and ends after it is not stored (the epoch check).
 * - CSP: a cached page carries the nonce of the render that made it, so the Content-Security-Policy
 *   for it is stored with it (the proxy sends none for cacheable pages; see docs/caching.md).
 *
 * The state lives on globalThis so that the app's own modules (bundled separately) share it.
 */

const STATE = Symbol.for('quire.cache');
const MAX_ENTRIES = 5000;
const NOT_FOUND_PATH = '/_not-found';

/** @typedef {{ value: any, lastModified: number, tags: string[] }} Entry */
/**
 * @typedef {{
 *   entries: Map<string, Entry>,
 *   connected: boolean,
 *   epoch: number,
 *   started: Map<string, number>,
 *   csp: ((nonce: string | null) => string) | null,
 *   hits: number,
 *   misses: number,
 * }} CacheState
 */

/** @returns {CacheState} */
export function cacheState() {
  const g = /** @type {Record<symbol, CacheState | undefined>} */ (/** @type {unknown} */ (globalThis));
  let state = g[STATE];
  if (!state) {
    state = { entries: new Map(), connected: false, epoch: 0, started: new Map(), csp: null, hits: 0, misses: 0 };
    g[STATE] = state;
  }
  return state;
}

/** The site path of a cache key ("/route-cache/APP_PAGE/<hash>/$/issues/25" → "/issues/25"), or null. */
export function pathOfKey(/** @type {string} */ key) {
  const at = key.indexOf('/$');
  if (at === -1) return null;
  const path = key.slice(at + 2) || '/';
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * The tags of a path: `issue:<n>` for a bulletin issue's pages, `listing` for everything else that
 * shows published content, `all` on every entry (settings: the masthead and footer are on every page).
 */
export function tagsForPath(/** @type {string | null} */ path) {
  const tags = ['all'];
  const issue = path ? /^\/issues\/(\d+)(?:\/|$)/.exec(path) : null;
  tags.push(issue ? `issue:${Number(issue[1])}` : 'listing');
  return tags;
}

/** Expires every entry with one of `tags` (and any render in flight, through the epoch). */
export function expireTags(/** @type {string[]} */ tags) {
  const state = cacheState();
  state.epoch += 1;
  const wanted = new Set(tags);
  for (const [key, entry] of state.entries) if (entry.tags.some((t) => wanted.has(t))) state.entries.delete(key);
}

/**
 * Listener up (serve from the cache) or down (store nothing, serve only during a database outage).
 * What the cache holds is dropped when the listener comes back: a notification may have been missed.
 */
export function setConnected(/** @type {boolean} */ connected) {
  const state = cacheState();
  if (state.connected !== connected) {
    state.epoch += 1;
    if (connected) state.entries.clear();
  }
  state.connected = connected;
}

/** True while this instance finds its database unreachable (set by lib/outage/database-state.ts). */
function databaseDown() {
  const holder = /** @type {{ quireDatabaseState?: { reachable: boolean } }} */ (/** @type {unknown} */ (globalThis));
  return holder.quireDatabaseState?.reachable === false;
}

/** Nonces Next.js put on a page's scripts (one per render). */
function noncesOf(/** @type {string} */ html) {
  const found = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\snonce="([A-Za-z0-9+/=]+)"/g)) found.add(m[1]);
  return [...found];
}

export default class QuireCacheHandler {
  constructor(/** @type {unknown} */ _options) {}

  async get(/** @type {string} */ key) {
    const state = cacheState();
    // A key whose render never ends in set() (an error) would stay here: keep the map bounded.
    if (state.started.size > MAX_ENTRIES * 2) state.started.clear();
    state.started.set(key, state.epoch);
    if (!state.connected && !databaseDown()) return null;
    const entry = state.entries.get(key);
    if (!entry) {
      state.misses += 1;
      return null;
    }
    state.hits += 1;
    state.entries.delete(key);
    state.entries.set(key, entry);
    return { lastModified: entry.lastModified, value: entry.value };
  }

  async set(/** @type {string} */ key, /** @type {any} */ data, /** @type {{ tags?: string[] } | undefined} */ ctx) {
    const state = cacheState();
    const startedAt = state.started.get(key);
    state.started.delete(key);
    if (data && data.kind === 'APP_PAGE' && typeof data.html === 'string') {
      // The policy goes out with this response and with every hit.
      const nonces = noncesOf(data.html);
      if (!state.csp) {
        state.entries.delete(key);
        return;
      }
      // Mutated in place: Next.js sends the same headers object with the response it is making now.
      if (!data.headers) data.headers = {};
      // More than one nonce is not a page Next.js made alone: no script of it may run, and it is not kept.
      // Nor is a page with none: it was rendered without going through proxy.ts (a 404 for a missing
      // /_next/static file shares the not-found entry), and stored it would serve every later 404 with
      // scripts that may not run.
      data.headers['content-security-policy'] = state.csp(nonces.length === 1 ? nonces[0] : null);
      // Nor is the not-found page: it is one entry for every address that matches no route, and
      // proxy.ts sends its own fresh-nonce policy on those (they are not cached pages), which a
      // stored copy's scripts would not match. Each 404 is rendered with its own request's nonce.
      if (nonces.length !== 1 || pathOfKey(key) === NOT_FOUND_PATH) {
        state.entries.delete(key);
        return;
      }
    }
    // A server error (a route handler's 503 during a database outage) is never kept, and does not
    // replace the copy that readers are served meanwhile: it would outlast the outage.
    if (data && typeof data.status === 'number' && data.status >= 500) return;
    // During a database outage (the listener is down with it) nothing new is stored and nothing held
    // is dropped: when a background refresh fails, Next.js hands back the entry it had, to keep.
    if (!state.connected && databaseDown()) return;
    if (!data || !state.connected || startedAt !== state.epoch) {
      state.entries.delete(key);
      return;
    }
    const tags = [...tagsForPath(pathOfKey(key)), ...(ctx?.tags ?? [])];
    state.entries.set(key, { value: data, lastModified: Date.now(), tags });
    while (state.entries.size > MAX_ENTRIES) {
      const oldest = state.entries.keys().next().value;
      if (oldest === undefined) break;
      state.entries.delete(oldest);
    }
  }

  async revalidateTag(/** @type {string | string[]} */ tags) {
    expireTags([tags].flat());
  }

  resetRequestCache() {}
}
