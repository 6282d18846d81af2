import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { absoluteUrl, siteUrl } from '@/lib/site-url';

// The sitemap's address depends on the deployment's URL, known only at request time.
export const dynamic = 'force-dynamic';

/** Crawlers may read the public site; the back office, the API and share-link previews are not for them. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const base = siteUrl(await headers());
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/preview'] },
    sitemap: absoluteUrl(base, '/sitemap.xml'),
  };
}
