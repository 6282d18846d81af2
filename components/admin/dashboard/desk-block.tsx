import Link from 'next/link';
import type { DeskBlock as DeskBlockData, DeskItem } from '@/lib/content/items/get-desk-overview';
import { adminHref } from '@/lib/issues/hrefs';
import { issueLabel, itemKindLabel } from '@/lib/format/labels';
import { plural } from '@/components/admin/lists/format';
import { formatUtc } from '@/lib/format/dates';
import { StateBadge } from '@/components/admin/lists/state-badge';

type Props = {
  /** For the heading's id: "review" → #review-heading. */
  id: string;
  title: string;
  intro?: React.ReactNode;
  block: DeskBlockData;
  /** The item list filtered to this block's items. */
  allHref: string;
  allLabel: (total: number) => string;
  empty: string;
  /** Needs the reader's action: drawn to stand out. */
  attention?: boolean;
  /** Editors see whose item it is. */
  showAuthor?: boolean;
  /** More about one item (the editor's note, for instance). */
  extra?: (item: DeskItem) => React.ReactNode;
};

/** One block of the dashboard: the newest few items of a queue, and a link to all of them. */
export function DeskBlock({ id, title, intro, block, allHref, allLabel, empty, attention, showAuthor, extra }: Props) {
  const headingId = `${id}-heading`;
  return (
    <section
      className={`panel desk-block${attention && block.total > 0 ? ' desk-block--attention' : ''}`}
      aria-labelledby={headingId}
      data-block={id}
      id={id}
    >
      <div className="desk-block__head">
        <h2 id={headingId}>
          {title} <span className="desk-block__count">({block.total})</span>
        </h2>
      </div>
      {intro && <p className="muted">{intro}</p>}
      {block.items.length > 0 ? (
        <ul className="desk-block__list">
          {block.items.map((item) => (
            <li key={item.id}>
              <Link className="desk-block__title" href={adminHref.item(item.id)}>
                {item.title}
              </Link>
              <div className="desk-block__meta">
                <StateBadge state={item.state} />
                <span>{itemKindLabel[item.kind]}</span>
                {showAuthor && <span>by {item.author.name}</span>}
                {item.issue && <span>{issueLabel(item.issue.number)}</span>}
                {item.openCommentCount > 0 && (
                  <span className="comment-count-text">{plural(item.openCommentCount, 'open comment')}</span>
                )}
                <span>
                  changed <time dateTime={item.updatedAt.toISOString()}>{formatUtc(item.updatedAt)}</time>
                </span>
              </div>
              {extra?.(item)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
      {block.total > 0 && (
        <p className="desk-block__all">
          <Link href={allHref}>{allLabel(block.total)}</Link>
        </p>
      )}
    </section>
  );
}
