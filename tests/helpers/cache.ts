import QuireCacheHandler, { cacheState } from '@/lib/cache/next-cache-handler.mjs';

/**
 * The cache behind public pages (lib/cache/next-cache-handler.mjs), as Next.js drives it: a test
 * stores a page the way a render would (a miss, then set) and asks later whether it is still there.
 * Expiry by the writers is synchronous in their own process, so no listener is needed for that; the
 * cache is switched on only around these calls (with it on, actions would wait for a listener).
 */
const handler = new QuireCacheHandler({});
const key = (path: string) => `/route-cache/APP_PAGE/0000/$${path}`;

async function withCacheOn<T>(fn: () => Promise<T>): Promise<T> {
  const state = cacheState();
  const was = state.connected;
  state.connected = true;
  try {
    return await fn();
  } finally {
    state.connected = was;
  }
}

export async function cachePage(path: string): Promise<void> {
  cacheState().csp ??= (nonce) => `script-src 'nonce-${nonce}'`;
  await withCacheOn(async () => {
    await handler.get(key(path));
    await handler.set(key(path), {
      kind: 'APP_PAGE',
      html: '<html><script nonce="test">x</script></html>',
      headers: {},
    });
  });
  if (!(await isCached(path))) throw new Error(`${path} was not stored`);
}

export async function isCached(path: string): Promise<boolean> {
  return withCacheOn(async () => (await handler.get(key(path))) !== null);
}
