import { randomBytes } from 'node:crypto';
import { databaseState } from './database-state';

/**
 * What a request gets while this instance cannot reach its database: the one place that decides it
 * (proxy.ts asks here first, before anything else happens to the request).
 *
 * - Nothing changes while the database is reachable: no extra query, no extra hop.
 * - While it is not, a page request (GET or HEAD, outside /api and /admin) is tried once, inside
 *   this server, with a header that lets it through. Whatever answers without a server error is
 *   served as it is: a page Next serves from its cache, or one that needs no database (sign-in). So
 *   once public pages are cached, readers keep getting them. Anything else (the render failed on the
 *   database) is answered with the designed 503 page and `Retry-After`, never the error page.
 * - Back-office pages always need the database (the session is checked against it): they get the
 *   back-office 503 page at once. Server actions and route handlers (/api/health among them) are let
 *   through: they answer for themselves (lib/actions/action.ts says "database unreachable").
 */

export const RETRY_AFTER_SECONDS = 15;
const PASS_HEADER = 'x-quire-outage-pass';
const INNER_TIMEOUT_MS = 4000;

const holder = globalThis as unknown as { quireOutagePass?: string };
const passToken = () => (holder.quireOutagePass ??= randomBytes(18).toString('base64url'));

type Kind = 'public' | 'admin';

const copy: Record<Kind, { title: string; lines: string[] }> = {
  public: {
    title: 'The bulletin is briefly unavailable',
    lines: [
      'Its database is not answering just now. This is usually over within a minute or two.',
      'This page tries again by itself every few seconds; nothing needs to be done.',
    ],
  },
  admin: {
    title: 'The database cannot be reached',
    lines: [
      'The back office cannot reach its database just now, so this page cannot be shown.',
      'Nothing typed into an item that is already open is lost: it stays in its tab, and autosave keeps trying until the database is back.',
      'This page tries again by itself every few seconds.',
    ],
  },
};

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The designed 503 page: no script (a meta refresh retries), no database, no stack trace. */
export function outagePage(kind: Kind, method = 'GET'): Response {
  const { title, lines } = copy[kind];
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>
  body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #1f1d1a; background: #f7f5ef; }
  main { max-width: 36rem; margin: 12vh auto; padding: 2rem 1.5rem; border-top: 4px solid #1f1d1a; background: #fff; }
  .code { font: 600 0.8rem/1 system-ui, sans-serif; letter-spacing: 0.12em; text-transform: uppercase; color: #6b645a; }
  h1 { font-size: 1.6rem; margin: 0.6rem 0 1rem; }
  p { line-height: 1.55; }
</style>
</head>
<body>
<main data-outage="${kind}">
<p class="code">503 · temporarily unavailable</p>
<h1>${escape(title)}</h1>
${lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
</main>
</body>
</html>
`;
  return new Response(method === 'HEAD' ? null : html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
      'X-Quire-Outage': 'database',
    },
  });
}

const isAdmin = (pathname: string) => pathname === '/admin' || pathname.startsWith('/admin/');

/** Hop-by-hop and body-framing headers that do not survive re-sending a fetched body. */
const DROP = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * The answer to give instead of the usual one, or null to go on as usual. `port` is this server's own
 * (the inner try goes to 127.0.0.1, never back out through a proxy or CDN).
 */
export async function outageResponse(request: Request, port: number): Promise<Response | null> {
  if (databaseState().reachable) return null;
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (request.headers.has('next-action')) return null;
  const url = new URL(request.url);
  const { pathname } = url;
  if (pathname.startsWith('/api/') || pathname.startsWith('/_next/')) return null;
  if (request.headers.get(PASS_HEADER) === passToken()) return null;
  if (isAdmin(pathname)) return outagePage('admin', request.method);

  const headers = new Headers(request.headers);
  headers.set(PASS_HEADER, passToken());
  try {
    const inner = await fetch(`http://127.0.0.1:${port}${pathname}${url.search}`, {
      method: request.method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(INNER_TIMEOUT_MS),
    });
    if (inner.status < 500) {
      const out = new Headers();
      inner.headers.forEach((value, name) => {
        if (!DROP.has(name.toLowerCase())) out.append(name, value);
      });
      return new Response(request.method === 'HEAD' ? null : inner.body, { status: inner.status, headers: out });
    }
    await inner.body?.cancel();
  } catch {
    // Timed out or refused: the designed page, as for a failed render.
  }
  return outagePage('public', request.method);
}
