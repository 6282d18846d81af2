import Link from 'next/link';
import type { PublicItemCard } from '@/lib/content/published';
import { itemKindLabel } from '@/lib/format/labels';
import { MeetingFacts, PublicationFacts } from './item-facts';
import { RichText } from './rich-text';

/**
 * One item inside the whole-issue page, laid out for its kind. `linkTitle: false` for previews: the
 * item's own page does not exist until the issue is published.
 */
export function IssueItem({
  item,
  issueNumber,
  linkTitle = true,
}: {
  item: PublicItemCard & { body: unknown };
  issueNumber: number;
  linkTitle?: boolean;
}) {
  const href = `/issues/${issueNumber}/${item.slug}`;
  return (
    <article
      className={`issue-item issue-item--${item.kind.toLowerCase().replace('_', '-')}`}
      id={item.slug}
      aria-labelledby={`${item.slug}-title`}
    >
      <header>
        <p className="kicker">{itemKindLabel[item.kind]}</p>
        <h3 id={`${item.slug}-title`} className="issue-item__title">
          {linkTitle ? <Link href={href}>{item.title}</Link> : item.title}
        </h3>
        {item.meeting && <MeetingFacts meeting={item.meeting} />}
        {item.publication && <PublicationFacts publication={item.publication} />}
        {item.standfirst && <p className="standfirst">{item.standfirst}</p>}
      </header>
      <RichText doc={item.body} />
    </article>
  );
}
