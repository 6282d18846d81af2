/**
 * Public pages served from the cache (rendered once, until a writer expires them: lib/cache). No
 * server-only imports: proxy.ts uses this to decide their headers. Pages that read the query string
 * (/meetings and /publications filters, a topic's pages, /search) or serve one visitor (/contribute,
 * /subscribe, previews, tokens) are rendered per request and are not in this list.
 */
const CACHED_PAGES = [
  /^\/$/,
  /^\/issues$/,
  /^\/issues\/[^/]+$/,
  /^\/issues\/[^/]+\/[^/]+$/,
  /^\/publications\/[^/]+$/,
  /^\/topics$/,
];

export function isCachedPage(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return CACHED_PAGES.some((re) => re.test(path));
}

/** Cached files with no scripts and no session: the proxy does not run for them (next.config.ts sets their headers). */
export const CACHED_FILES = ['/robots.txt', '/sitemap.xml', '/feed.xml', '/meetings.ics'];

/**
 * Cache-Control of a cached public page. Whatever sits in front (a CDN, nginx) may keep it one second
 * and serve it stale for a minute while it asks again; Quire's own cache answers that question. A
 * request carrying a session cookie gets `private, no-store`: nothing shared keeps what a signed-in
 * person saw, and they are never handed a shared copy.
 */
export const PUBLIC_CACHE_CONTROL = 'public, s-maxage=1, stale-while-revalidate=59';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
