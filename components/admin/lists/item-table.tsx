import Link from 'next/link';
import type { ItemListRow } from '@/lib/content/items/list-items';
import { adminHref } from '@/lib/issues/hrefs';
import { issueLabel, itemKindLabel } from '@/lib/format/labels';
import { formatUtc } from '@/lib/format/dates';
import { StateBadge } from './state-badge';

/**
 * Items as a real table: a caption saying what is listed and in which order, column headers, the
 * title as each row's header (screen readers announce it when moving along a row).
 */
export function ItemTable({
  items,
  caption,
  showAuthor,
}: {
  items: ItemListRow[];
  caption: React.ReactNode;
  showAuthor: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="desk-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            {showAuthor && <th scope="col">Author</th>}
            <th scope="col">Bulletin issue</th>
            <th scope="col">Open comments</th>
            <th scope="col" aria-sort="descending">
              Last changed <span className="desk-table__order">(newest first)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-item-id={item.id}>
              <th scope="row">
                <Link href={adminHref.item(item.id)}>{item.title}</Link>
              </th>
              <td>{itemKindLabel[item.kind]}</td>
              <td>
                <StateBadge state={item.state} />
              </td>
              {showAuthor && <td>{item.author.name}</td>}
              <td>{item.issue ? issueLabel(item.issue.number) : <span className="muted">Not placed</span>}</td>
              <td>
                {/* The column header says what the number counts. */}
                <span className={item.openCommentCount > 0 ? 'comment-count' : 'muted'}>{item.openCommentCount}</span>
              </td>
              <td>
                <time dateTime={item.updatedAt.toISOString()}>{formatUtc(item.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
