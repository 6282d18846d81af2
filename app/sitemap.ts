import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { listSitemapEntries } from '@/lib/content/feed';
import { absoluteUrl, itemPath, siteUrl } from '@/lib/site-url';
import { listPublicTopics } from '@/lib/content/topics';
import { listCataloguePublications } from '@/lib/content/public-publications';
import { publicationPath, topicPath } from '@/lib/reader-paths';

// Read at request time: there is no database at build time, and the sitemap must follow publishing.
export const dynamic = 'force-dynamic';

/**
 * Every public page: the fixed ones, each published bulletin issue and item, each topic and each
 * publication of the catalogue. /meetings, /publications, topics and publication pages carry no
 * date: their entries can change without any item changing. (Search result pages are not listed:
 * they are noindex.)
 * (A sitemap holds at most 50,000 URLs: some three thousand bulletin issues at this size.)
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl(await headers());
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
