/**
 * Security headers for every response. proxy.ts sets them on everything it sees (pages, 404s, errors,
 * route handlers, server actions); next.config.ts sets the same on the static files the proxy skips.
 * No server-only imports: both use this module.
 *
 * Scripts: a fresh nonce per request with 'strict-dynamic' (Next.js puts the nonce on its own
 * scripts when it finds it in the request's CSP header), so an injected <script> or inline handler
 * does not run. Styles allow 'unsafe-inline': React renders `style` attributes, which a nonce
 * cannot cover, and style injection is a far smaller risk than script injection.
 */
export function contentSecurityPolicy(nonce: string | null, options: { https: boolean; dev?: boolean }): string {
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}` : "'none'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

/** HSTS, once the site says it is served over https (NEXTAUTH_URL): never on plain http, where it means nothing. */
export function transportHeaders(options: { https: boolean }): Record<string, string> {
  return options.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {};
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/**
 * Headers that depend on the address. Share-link previews (/preview/<token>) show unpublished issues
 * to one outside reviewer: never indexed, never followed, whatever the page's own metadata says
 * (robots.txt asks crawlers to stay out, but a crawler that finds a link may still index the URL).
 */
export function pathHeaders(pathname: string): Record<string, string> {
  if (pathname === '/preview' || pathname.startsWith('/preview/')) return { 'X-Robots-Tag': 'noindex, nofollow' };
  return {};
}
