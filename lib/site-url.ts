import { env } from '@/lib/env';

/**
 * The public base URL of the site (scheme, host, port and any path, without a trailing slash), for
 * links that leave the page: feeds, sitemap, canonical and OpenGraph URLs, and links in mail.
 *
 * NEXTAUTH_URL wins when set, and production must set it: otherwise the answer comes from the
 * request's Host (or X-Forwarded-Host) header, which a client chooses, and a shared cache could then
 * keep a page that links to someone else's host. The request fallback is for development and tests;
 * without a request (mail), the last resort is http://localhost:$PORT, never a Host header.
 */
export function siteUrl(request?: Request | Headers): string {
  const config = env();
  if (config.siteUrl) return config.siteUrl;
  const fromRequest = request ? originOf(request) : null;
  return fromRequest ?? `http://localhost:${config.port}`;
}

// A host name, IPv4 address or bracketed IPv6 address, with an optional port. Anything else in a
// Host header is ignored rather than echoed into links.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i;

function originOf(request: Request | Headers): string | null {
  const headers = request instanceof Headers ? request : request.headers;
  const requestUrl = request instanceof Headers ? null : parseHttpUrl(request.url);
  const host = firstValue(headers.get('x-forwarded-host')) ?? firstValue(headers.get('host')) ?? requestUrl?.host;
  if (!host || !HOST.test(host)) return null;
  const forwardedProto = firstValue(headers.get('x-forwarded-proto'))?.toLowerCase();
  const proto =
    forwardedProto === 'http' || forwardedProto === 'https'
      ? forwardedProto
      : (requestUrl?.protocol.replace(':', '') ?? 'http');
  return `${proto}://${host.toLowerCase()}`;
}

/** Proxies may append to X-Forwarded-* headers: the first value is the client-facing one. */
function firstValue(header: string | null): string | undefined {
  const value = header?.split(',')[0]?.trim();
  return value ? value : undefined;
}

function parseHttpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** An absolute URL for a site path ("/issues/25"). */
export function absoluteUrl(base: string, path: string): string {
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Where the Atom feed is served (app/feed.xml/route.ts). */
export const FEED_PATH = '/feed.xml';

/** The public page of an item. */
export function itemPath(issueNumber: number, slug: string): string {
  return `/issues/${issueNumber}/${slug}`;
}
