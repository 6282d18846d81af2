import Link from 'next/link';
import type { RecordItemRow } from '@/lib/content/items/list-items-for-record';
import { adminHref } from '@/lib/issues/hrefs';
import { issueLabel, itemKindLabel } from '@/lib/format/labels';
import { StateBadge } from '@/components/admin/lists/state-badge';

/** The items that report on a meeting or review a publication, as far as the reader may see them. */
export function LinkedItems({
  id,
  title,
  items,
  empty,
  showAuthor,
}: {
  id: string;
  title: string;
  items: RecordItemRow[];
  empty: string;
  showAuthor: boolean;
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="linked-items">
          {items.map((item) => (
            <li key={item.id}>
              <Link href={adminHref.item(item.id)}>{item.title}</Link>
              <StateBadge state={item.state} />
              <span className="muted">
                {itemKindLabel[item.kind]}
                {showAuthor && ` by ${item.author.name}`}
                {item.issue && ` · ${issueLabel(item.issue.number)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
