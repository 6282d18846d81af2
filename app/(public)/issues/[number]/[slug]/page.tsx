import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPublishedItem, getSettings } from '@/lib/content/published';
import { parseIssueNumber, parseSlug } from '@/lib/content/public-params';
import { ItemView } from '@/components/public/item-view';
import { issueLabel } from '@/lib/format/labels';
import { absoluteUrl, itemPath, siteUrl } from '@/lib/site-url';
import { itemCitationMeta } from '@/lib/citation/highwire';
import { publicAlternates } from '../../../shared-metadata';

// Cached (docs/caching.md): rendered once, expired by lib/cache/invalidate.ts when what it shows
// changes; the 300 s revalidation is only a safety net.
export const revalidate = 300;

/** No page is rendered at build time (there is no database then); each is rendered on its first request, then cached. */
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ number: string; slug: string }> };

async function load(params: Props['params']) {
  const p = await params;
  const number = parseIssueNumber(p.number);
  const slug = parseSlug(p.slug);
  return number === null || slug === null ? null : getPublishedItem(number, slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load(params);
  if (!item || !item.section) return {};
  const settings = await getSettings();
  const description = item.standfirst || undefined;
  const path = itemPath(item.section.issue.number, item.slug);
  return {
    title: item.title,
    description,
    alternates: publicAlternates(settings.title, path),
    openGraph: {
      type: 'article',
      title: item.title,
      description,
      url: path,
      siteName: settings.title,
      publishedTime: item.publishedAt?.toISOString(),
      modifiedTime: item.correctedAt?.toISOString(),
      section: item.section.title,
      tags: item.tags.map(({ tag }) => tag.name),
    },
    // No author: the item's author is a back-office account, whose name is not for readers.
    other: itemCitationMeta({
      title: item.title,
      author: null,
      publishedAt: item.publishedAt,
      issueNumber: item.section.issue.number,
      url: absoluteUrl(siteUrl(), path),
      settings,
    }),
  };
}

export default async function ItemPage({ params }: Props) {
  const item = await load(params);
  if (!item || !item.section) notFound();
  const issue = item.section.issue;
  return (
    <ItemView
      item={{ ...item, tags: item.tags.map(({ tag }) => tag) }}
      breadcrumb={
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <ol>
            <li>
              <Link href={`/issues/${issue.number}`}>
                {issueLabel(issue.number)} – {issue.coverLabel}
              </Link>
            </li>
            <li aria-current="page">{item.section.title}</li>
          </ol>
        </nav>
      }
    />
  );
}
