import Link from 'next/link';
import type { RecentEventView } from '@/lib/audit/list-recent-events';
import { adminHref } from '@/lib/issues/hrefs';
import { issueLabel } from '@/lib/format/labels';
import { formatUtc } from '@/lib/format/dates';
import { activityPhrase } from './activity-phrases';

function Subject({ subject }: { subject: RecentEventView['subject'] }) {
  if (subject.type === 'item') return <Link href={adminHref.item(subject.id)}>“{subject.title}”</Link>;
  if (subject.type === 'issue')
    return <Link href={adminHref.issue(subject.id)}>bulletin issue {issueLabel(subject.number)}</Link>;
  return (
    <>{subject.entityType === 'Issue' ? 'a bulletin issue that no longer exists' : 'an item that no longer exists'}</>
  );
}

const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The latest events, newest first, as sentences: "Edith Marlowe approved “…”". */
export function ActivityList({ events }: { events: RecentEventView[] }) {
  return (
    <ol className="activity">
      {events.map((e) => {
        const [before, after] = activityPhrase(e.action);
        return (
          <li key={e.id}>
            <time dateTime={e.createdAt.toISOString()}>{formatUtc(e.createdAt)}</time>
            <strong>{e.actor?.name ?? 'Quire'}</strong> {before}
            <Subject subject={e.subject} />
            {after}.{e.note && <span className="activity__note">Note: “{clip(e.note)}”</span>}
          </li>
        );
      })}
    </ol>
  );
}
