import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookie, secureCookiesWanted } from '@/lib/auth/cookies';
import { loginUrlFor } from '@/lib/auth/callback-url';
import { env } from '@/lib/env';
import { isCachedPage, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/lib/cache/public-paths';
import { outageResponse } from '@/lib/outage/outage-response';
import {
  contentSecurityPolicy,
  newNonce,
  pathHeaders,
  STATIC_SECURITY_HEADERS,
  transportHeaders,
} from '@/lib/security/headers';
import {
  bodyLimitFor,
  declaredLengthRefusal,
  jsonRefusal,
  multipartRefusal,
  tooLarge,
  type BodyRefusal,
} from '@/lib/security/request-body';

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
 * - A POST body that cannot be what it claims (a server action's body that is not JSON, cut short or
 *   nested absurdly deep; a multipart body that does not parse; anything over 1 MB, 16 MB for the
 *   bulletin import) is answered 400 or 413 here, where Next.js itself would answer 500
 *   (lib/security/request-body.ts).
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
  const refusal = request.method === 'POST' ? await bodyRefusal(request, pathname) : null;
  if (refusal) {
    response = new NextResponse(`${refusal.reason}\n`, {
      status: refusal.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  } else if (!decodable(pathname)) {
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
  // Every back-office, sign-in, preview and per-visitor response is private; so is anything for a signed-in person.
  const signedIn = request.cookies.has(sessionCookie().name);
  if (cached && !signedIn) response.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  else if (cached || signedIn || !isPublicPath(pathname)) response.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
  return secure(response, cached ? null : csp, pathname);
}

/** The security headers every answer carries (the CSP unless a cached page brings its own). */
function secure<R extends Response>(response: R, csp: string | null, pathname: string): R {
  if (csp) response.headers.set('Content-Security-Policy', csp);
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

async function bodyRefusal(request: NextRequest, pathname: string): Promise<BodyRefusal | null> {
  const limit = bodyLimitFor(pathname);
  const declared = declaredLengthRefusal(request.headers.get('content-length'), limit);
  if (declared) return declared;
  // The boundary of a multipart type is case-sensitive: only the comparisons are lower-cased.
  const contentType = request.headers.get('content-type') ?? '';
  const type = contentType.toLowerCase();
  const isAction = request.headers.has('next-action');
  // Next.js keeps a copy of the body for the route (proxyClientMaxBodySize in next.config.ts): reading it here is safe.
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) return tooLarge(limit);
  if (bytes.byteLength === 0) return isAction ? { status: 400, reason: 'The request has no body.' } : null;
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      return { status: 400, reason: 'The form data of the request could not be read (it may have been cut short).' };
    }
    return multipartRefusal(form);
  }
  if (isAction || type.includes('json')) return jsonRefusal(new TextDecoder().decode(bytes));
  return null;
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
