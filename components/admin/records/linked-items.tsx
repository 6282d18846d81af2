import Link from 'next/link';
import type { RecordItemRow } from '@/lib/content/items/list-items-for-record';
import { adminHref } from '@/lib/issues/hrefs';
import { issueLabel, itemKindLabel } from '@/lib/format/labels';
import type { RecordKind } from '@/lib/records/record-kind';
import { StateBadge } from '@/components/admin/lists/state-badge';

/** The items that link to a record (report on a meeting, review a publication), as far as the reader may see them. */
export function LinkedItems({
  linked,
  items,
  seesAll,
}: {
  linked: NonNullable<RecordKind['linked']>;
  items: RecordItemRow[];
  /** Editors see everyone's items (and their authors); contributors their own. */
  seesAll: boolean;
}) {
  const headingId = `${linked.id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{seesAll ? linked.title.all : linked.title.mine}</h2>
      {items.length === 0 ? (
        <p className="muted">{seesAll ? linked.empty.all : linked.empty.mine}</p>
      ) : (
        <ul className="linked-items">
          {items.map((item) => (
            <li key={item.id}>
              <Link href={adminHref.item(item.id)}>{item.title}</Link>
              <StateBadge state={item.state} />
              <span className="muted">
                {itemKindLabel[item.kind]}
                {seesAll && ` by ${item.author.name}`}
                {item.issue && ` · ${issueLabel(item.issue.number)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
