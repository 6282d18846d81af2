import type { MetadataRoute } from 'next';
import { listSitemapEntries } from '@/lib/content/feed';
import { absoluteUrl, itemPath, siteUrl } from '@/lib/site-url';
import { listPublicTopics } from '@/lib/content/topics';
import { listCataloguePublications } from '@/lib/content/public-publications';
import { publicationPath, topicPath } from '@/lib/reader-paths';

// Cached like the public pages (docs/caching.md); the site's URL comes from NEXTAUTH_URL, not the request.
export const dynamic = 'force-static';
export const revalidate = 300;

/**
 * Every public page: the fixed ones, each published bulletin issue and item, each topic and each
 * publication of the catalogue. /meetings, /publications, topics and publication pages carry no
 * date: their entries can change without any item changing. (Search result pages are not listed:
 * they are noindex.)
 * (A sitemap holds at most 50,000 URLs: some three thousand bulletin issues at this size.)
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const [{ issues, items, lastModified }, topics, publications] = await Promise.all([
    listSitemapEntries(),
    listPublicTopics(),
    listCataloguePublications(),
  ]);
  const url = (path: string) => absoluteUrl(base, path);
  const dated = (date: Date | null) => (date ? { lastModified: date } : {});
  return [
    { url: url('/'), ...dated(lastModified) },
    { url: url('/issues'), ...dated(lastModified) },
    { url: url('/meetings') },
    { url: url('/publications') },
    { url: url('/topics') },
    ...topics.map((t) => ({ url: url(topicPath(t)) })),
    ...publications.map((p) => ({ url: url(publicationPath(p.id)) })),
    ...issues.map((issue) => ({ url: url(`/issues/${issue.number}`), ...dated(issue.lastModified) })),
    ...items.map((item) => ({ url: url(itemPath(item.issueNumber, item.slug)), ...dated(item.lastModified) })),
  ];
}
