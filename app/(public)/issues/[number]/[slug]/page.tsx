import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPublishedItem, getSettings } from '@/lib/content/published';
import { parseIssueNumber, parseSlug } from '@/lib/content/public-params';
import { MeetingFacts, PublicationFacts } from '@/components/public/item-facts';
import { RichText } from '@/components/public/rich-text';
import { formatDate, isoDate } from '@/lib/format/dates';
import { issueLabel, itemKindLabel, tagKindLabel } from '@/lib/format/labels';
import { absoluteUrl, itemPath, siteUrl } from '@/lib/site-url';
import { itemCitationMeta } from '@/lib/citation/highwire';
import { topicPath } from '@/lib/reader-paths';
import { publicAlternates } from '../../../shared-metadata';

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
    other: itemCitationMeta({
      title: item.title,
      author: item.author.name,
      publishedAt: item.publishedAt,
      issueNumber: item.section.issue.number,
      url: absoluteUrl(siteUrl(await headers()), path),
      settings,
    }),
  };
}

export default async function ItemPage({ params }: Props) {
  const item = await load(params);
  if (!item || !item.section) notFound();
  const issue = item.section.issue;
  return (
    <article className="item-page" aria-labelledby="item-title">
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
      <header>
        <p className="kicker">{itemKindLabel[item.kind]}</p>
        <h1 id="item-title">{item.title}</h1>
        {item.meeting && <MeetingFacts meeting={item.meeting} />}
        {item.publication && <PublicationFacts publication={item.publication} />}
        {item.standfirst && <p className="standfirst">{item.standfirst}</p>}
        {item.correctedAt && (
          <p className="updated">
            Updated <time dateTime={isoDate(item.correctedAt)}>{formatDate(item.correctedAt)}</time>
          </p>
        )}
      </header>
      <RichText doc={item.body} />
      {item.meeting && (item.meeting.organisers || item.meeting.participants) && (
        <aside className="item-aside" aria-labelledby="meeting-heading">
          <h2 id="meeting-heading">About the meeting</h2>
          <dl>
            {item.meeting.organisers && (
              <div>
                <dt>Organised by</dt>
                <dd>{item.meeting.organisers}</dd>
              </div>
            )}
            {item.meeting.participants && (
              <div>
                <dt>Taking part</dt>
                <dd>{item.meeting.participants}</dd>
              </div>
            )}
          </dl>
        </aside>
      )}
      {item.sources.length > 0 && (
        <section className="item-aside" aria-labelledby="sources-heading">
          <h2 id="sources-heading">Sources</h2>
          <ul className="sources">
            {item.sources.map((s) => (
              <li key={s.id}>
                {s.url ? <a href={s.url}>{s.name}</a> : s.name}
                {s.date && (
                  <>
                    , <time dateTime={isoDate(s.date)}>{formatDate(s.date)}</time>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.tags.length > 0 && (
        <section className="item-aside" aria-labelledby="tags-heading">
          <h2 id="tags-heading">Topics</h2>
          <ul className="tags">
            {item.tags.map(({ tag }) => (
              <li key={tag.id} className={`tag tag--${tag.kind.toLowerCase()}`}>
                <span className="visually-hidden">{tagKindLabel[tag.kind]}: </span>
                <Link href={topicPath(tag)}>{tag.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
