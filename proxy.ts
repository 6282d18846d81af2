import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookie, secureCookiesWanted } from '@/lib/auth/cookies';
import { loginUrlFor } from '@/lib/auth/callback-url';
import { env } from '@/lib/env';
import { isCachedPage, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/lib/cache/public-paths';
import {
  contentSecurityPolicy,
  newNonce,
  pathHeaders,
  STATIC_SECURITY_HEADERS,
  transportHeaders,
} from '@/lib/security/headers';

/**
 * Runs before every route except static files.
 * - Security headers on every response, with a per-request CSP nonce handed to Next.js through the
 *   request's own Content-Security-Policy header.
 * - A path with broken percent-encoding ("/issues/25/%E0%A4%A") would make Next fail while decoding
 *   route parameters (500); it gets the ordinary 404 page instead.
 * - /admin without any session cookie goes straight to the sign-in page. This is only the quick,
 *   optimistic check: every back-office page and action checks the session against the database.
 * - Share-link previews (/preview/…) are marked noindex, nofollow (X-Robots-Tag), 404s included.
 * - The requested path is passed on (x-quire-path) so a page can send its visitor to sign in and back.
 * - Cached public pages (lib/cache/public-paths.ts): the nonce still goes to Next.js, which renders the
 *   page with it once; the CSP naming that nonce is stored with the cached page and sent with it
 *   (lib/cache/next-cache-handler.mjs), so the proxy sends none. Cache-Control: public, unless the
 *   request carries a session cookie (private, no-store).
 * - Not run at all for robots.txt, sitemap.xml, feed.xml, meetings.ics (see `config.matcher`).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { https: secureCookiesWanted(), dev: env().development });
  const { pathname, search } = request.nextUrl;

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set('x-quire-path', `${pathname}${search}`);

  let response: NextResponse;
  if (!decodable(pathname)) {
    response = NextResponse.rewrite(new URL('/_malformed-address', request.url), {
      status: 404,
      request: { headers: requestHeaders },
    });
  } else if ((pathname === '/admin' || pathname.startsWith('/admin/')) && !request.cookies.has(sessionCookie().name)) {
    response = NextResponse.redirect(new URL(loginUrlFor(`${pathname}${search}`), request.url));
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }

  const cached = response.status === 200 && !response.headers.has('location') && isCachedPage(pathname);
  if (!cached) response.headers.set('Content-Security-Policy', csp);
  // Every back-office, sign-in, preview and per-visitor response is private; so is anything for a signed-in person.
  const signedIn = request.cookies.has(sessionCookie().name);
  if (cached && !signedIn) response.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  else if (cached || signedIn || !isPublicPath(pathname)) response.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  for (const [name, value] of Object.entries(pathHeaders(pathname))) response.headers.set(name, value);
  for (const [name, value] of Object.entries(transportHeaders({ https: secureCookiesWanted() })))
    response.headers.set(name, value);
  return response;
}

/** Pages and routes that show nothing per visitor beyond what Next.js itself marks (search, forms). */
function isPublicPath(pathname: string): boolean {
  return !/^\/(admin|login|set-password|preview|api|unsubscribe|subscribe|contribute)(\/|$)/.test(pathname);
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Static files and the cached files that need no nonce, session check or rewrite: their headers come
  // from next.config.ts. Keep this list in step with CACHED_FILES (lib/cache/public-paths.ts).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml|feed.xml|meetings.ics).*)'],
};
