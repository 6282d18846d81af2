import type { MetadataRoute } from 'next';
import { absoluteUrl, siteUrl } from '@/lib/site-url';

// Cached like the public pages (docs/caching.md); the site's URL comes from NEXTAUTH_URL, not the request.
export const dynamic = 'force-static';
export const revalidate = 300;

/** Crawlers may read the public site; the back office, the API and share-link previews are not for them. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const base = siteUrl();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/preview'] },
    sitemap: absoluteUrl(base, '/sitemap.xml'),
  };
}
