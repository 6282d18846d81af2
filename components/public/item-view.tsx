import type { ReactNode } from 'react';
import Link from 'next/link';
import { topicPath } from '@/lib/reader-paths';
import type { ItemKind, TagKind } from '@/generated/prisma/enums';
import { formatDate, isoDate } from '@/lib/format/dates';
import { itemKindLabel, tagKindLabel } from '@/lib/format/labels';
import { MeetingFacts, PublicationFacts, type MeetingFactsData, type PublicationFactsData } from './item-facts';
import { RichText } from './rich-text';

/** What one item's page shows: the published row for readers, the saved fields for an editor's preview. */
export type ItemViewData = {
  kind: ItemKind;
  title: string;
  standfirst: string;
  /** The stored rich-text document; rendered by lib/rich-text, which validates it again. */
  body: unknown;
  correctedAt: Date | null;
  meeting: (MeetingFactsData & { organisers: string; participants: string }) | null;
  publication: PublicationFactsData | null;
  sources: { name: string; url: string | null; date: Date | null }[];
  /** With a slug (the public page), each tag links to its topic page; without (the desk's preview), plain text. */
  tags: { kind: TagKind; name: string; slug?: string }[];
};

/**
 * One item as readers see it: kind, title, the meeting's or publication's facts, standfirst, the
 * "Updated" line of a correction, the text, who organised and took part in the meeting, sources and
 * topics. The public item page and the desk's preview (app/admin/items/[id]/preview) both render
 * this, so the preview cannot leave out what readers will see (as issue-view.tsx does for issues).
 */
export function ItemView({
  item,
  breadcrumb,
  className,
  testId,
}: {
  item: ItemViewData;
  /** Shown above the header (the public page's way back to its issue). */
  breadcrumb?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const meeting = item.meeting;
  return (
    <article
      className={className ? `item-page ${className}` : 'item-page'}
      aria-labelledby="item-title"
      data-testid={testId}
    >
      {breadcrumb}
      <header>
        <p className="kicker">{itemKindLabel[item.kind]}</p>
        <h1 id="item-title">{item.title}</h1>
        {meeting && <MeetingFacts meeting={meeting} />}
        {item.publication && <PublicationFacts publication={item.publication} />}
        {item.standfirst && <p className="standfirst">{item.standfirst}</p>}
        {item.correctedAt && (
          <p className="updated">
            Updated <time dateTime={isoDate(item.correctedAt)}>{formatDate(item.correctedAt)}</time>
          </p>
        )}
      </header>
      <RichText doc={item.body} />
      {meeting && (meeting.organisers || meeting.participants) && (
        <aside className="item-aside" aria-labelledby="meeting-heading">
          <h2 id="meeting-heading">About the meeting</h2>
          <dl>
            {meeting.organisers && (
              <div>
                <dt>Organised by</dt>
                <dd>{meeting.organisers}</dd>
              </div>
            )}
            {meeting.participants && (
              <div>
                <dt>Taking part</dt>
                <dd>{meeting.participants}</dd>
              </div>
            )}
          </dl>
        </aside>
      )}
      {item.sources.length > 0 && (
        <section className="item-aside" aria-labelledby="sources-heading">
          <h2 id="sources-heading">Sources</h2>
          <ul className="sources">
            {item.sources.map((s, i) => (
              <li key={i}>
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
            {item.tags.map((tag) => (
              <li key={`${tag.kind}:${tag.name}`} className={`tag tag--${tag.kind.toLowerCase()}`}>
                <span className="visually-hidden">{tagKindLabel[tag.kind]}: </span>
                {tag.slug ? <Link href={topicPath({ kind: tag.kind, slug: tag.slug })}>{tag.name}</Link> : tag.name}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
