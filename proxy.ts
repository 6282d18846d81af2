import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookie, secureCookiesWanted } from '@/lib/auth/cookies';
import { loginUrlFor } from '@/lib/auth/callback-url';
import { env } from '@/lib/env';
import { outageResponse } from '@/lib/outage/outage-response';
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
 * - While the database is unreachable, lib/outage/outage-response.ts decides first: a cached page as
 *   it is, otherwise the designed 503 page (nothing changes while the database is up).
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { https: secureCookiesWanted(), dev: env().development });
  const { pathname, search } = request.nextUrl;

  const outage = await outageResponse(request, env().port);
  // A page fetched inside this server already went through here once and carries its own headers
  // (its CSP nonce is the one in its HTML); the outage page gets them now.
  if (outage) return outage.headers.has('x-quire-outage') ? secure(outage, csp, pathname) : outage;

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

  return secure(response, csp, pathname);
}

function secure<R extends Response>(response: R, csp: string, pathname: string): R {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  for (const [name, value] of Object.entries(pathHeaders(pathname))) response.headers.set(name, value);
  for (const [name, value] of Object.entries(transportHeaders({ https: secureCookiesWanted() })))
    response.headers.set(name, value);
  return response;
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
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
