import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getSettings } from '@/lib/content/published';
import { getPublicTopic } from '@/lib/content/topics';
import { parseSlug } from '@/lib/content/public-params';
import { formatDate, isoDate } from '@/lib/format/dates';
import { issueLabel, itemKindLabel, tagKindLabel } from '@/lib/format/labels';
import { topicFeedPath, topicKindFromParam, topicPath } from '@/lib/reader-paths';
import { FEED_PATH, itemPath } from '@/lib/site-url';
import { searchHref, parseSearchQuery } from '@/lib/search/query';
import '@/components/public/search/search.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ kind: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function pageParam(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\d{1,4}$/.test(value) && Number(value) >= 1 ? Number(value) : 1;
}

async function load({ params, searchParams }: Props) {
  const p = await params;
  const kind = topicKindFromParam(p.kind);
  const slug = parseSlug(p.slug);
  if (!kind || !slug) return null;
  return getPublicTopic(kind, slug, pageParam((await searchParams).page));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const topic = await load(props);
  if (!topic) return {};
  const settings = await getSettings();
  return {
    title: topic.tag.name,
    description: `Items of ${settings.title} on ${topic.tag.name}.`,
    alternates: {
      canonical: topicPath(topic.tag),
      types: {
        'application/atom+xml': [
          { url: FEED_PATH, title: settings.title },
          { url: topicFeedPath(topic.tag), title: `${settings.title}: ${topic.tag.name}` },
        ],
      },
    },
  };
}

/** /topics/<kind>/<slug>: the published items carrying one tag, newest first, with the topic's feed. */
export default async function TopicPage(props: Props) {
  const topic = await load(props);
  if (!topic) notFound();
  const { tag, items, total, page, pageCount } = topic;
  const facet = tag.kind.toLowerCase() as 'country' | 'region' | 'theme';
  const href = (n: number) => (n > 1 ? `${topicPath(tag)}?page=${n}` : topicPath(tag));
  return (
    <div className="records topic">
      <p className="kicker">
        <Link href="/topics">Topics</Link> · {tagKindLabel[tag.kind]}
      </p>
      <h1>{tag.name}</h1>
      <p className="record__line">
        {total} published {total === 1 ? 'item' : 'items'}, newest first ·{' '}
        <a href={topicFeedPath(tag)} type="application/atom+xml">
          Feed of this topic
        </a>{' '}
        · <Link href={searchHref(parseSearchQuery({}), { [facet]: tag.slug })}>Search within it</Link>
      </p>
      {items.length === 0 ? (
        <p>
          There is no page {page}. <Link href={href(pageCount)}>Go to the last page</Link>.
        </p>
      ) : (
        <ol className="record-list topic-items">
          {items.map((item) => (
            <li key={item.id} className="record topic-item">
              <p className="kicker">{itemKindLabel[item.kind]}</p>
              <h2 className="record__title">
                <Link href={itemPath(item.section!.issue.number, item.slug)}>{item.title}</Link>
              </h2>
              <p className="record__line">
                {issueLabel(item.section!.issue.number)} – {item.section!.issue.coverLabel} · {item.section!.title}
                {item.publishedAt && (
                  <>
                    {' · '}
                    <time dateTime={isoDate(item.publishedAt)}>{formatDate(item.publishedAt)}</time>
                  </>
                )}
              </p>
              {item.standfirst && <p className="topic-item__standfirst">{item.standfirst}</p>}
            </li>
          ))}
        </ol>
      )}
      {pageCount > 1 && (
        <nav className="pager" aria-label="Pages of this topic">
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          {page < pageCount && (
            <Link href={href(page + 1)} rel="next">
              Older →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
