import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { listSitemapEntries } from '@/lib/content/feed';
import { absoluteUrl, itemPath, siteUrl } from '@/lib/site-url';

// Read at request time: there is no database at build time, and the sitemap must follow publishing.
export const dynamic = 'force-dynamic';

/**
 * Every public page: the fixed ones and each published bulletin issue and item. /meetings and
 * /publications carry no date: their entries can change without any item changing.
 * (A sitemap holds at most 50,000 URLs: some three thousand bulletin issues at this size.)
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl(await headers());
  const { issues, items, lastModified } = await listSitemapEntries();
  const url = (path: string) => absoluteUrl(base, path);
  const dated = (date: Date | null) => (date ? { lastModified: date } : {});
  return [
    { url: url('/'), ...dated(lastModified) },
    { url: url('/issues'), ...dated(lastModified) },
    { url: url('/meetings') },
    { url: url('/publications') },
    ...issues.map((issue) => ({ url: url(`/issues/${issue.number}`), ...dated(issue.lastModified) })),
    ...items.map((item) => ({ url: url(itemPath(item.issueNumber, item.slug)), ...dated(item.lastModified) })),
  ];
}
