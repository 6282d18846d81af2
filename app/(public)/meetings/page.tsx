import type { Metadata } from 'next';
import Link from 'next/link';
import { listPublicMeetings } from '@/lib/content/published';
import { formatDateRange, isoDate } from '@/lib/format/dates';
import { meetingPlace } from '@/components/public/item-facts';

export const metadata: Metadata = {
  title: 'Meetings',
  description: 'Conferences and meetings reported in the bulletin.',
};

export default async function MeetingsPage() {
  const meetings = await listPublicMeetings();
  const today = new Date();
  const upcoming = meetings.filter((m) => (m.endDate ?? m.startDate) && (m.endDate ?? m.startDate)! >= today).reverse();
  const past = meetings.filter((m) => !upcoming.includes(m));
  const list = (ms: typeof meetings) => (
    <ul className="record-list">
      {ms.map((m) => (
        <li key={m.id} className="record">
          <h3 className="record__title">{m.name}</h3>
          <p className="facts">
            {m.startDate && (
              <time dateTime={isoDate(m.startDate)}>{formatDateRange(m.startDate, m.endDate, m.datePrecision)}</time>
            )}
            {m.startDate && meetingPlace(m) && ' · '}
            {meetingPlace(m)}
          </p>
          {m.organisers && <p className="record__line">Organised by {m.organisers}</p>}
          <ul className="record__reports">
            {m.items.map((r) => (
              <li key={r.slug}>
                <Link href={`/issues/${r.section!.issue.number}/${r.slug}`}>Report: {r.title}</Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="records">
      <h1>Meetings</h1>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">Upcoming</h2>
        {upcoming.length ? list(upcoming) : <p>No upcoming meetings are listed.</p>}
      </section>
      <section aria-labelledby="past">
        <h2 id="past">Past</h2>
        {past.length ? list(past) : <p>No meetings yet.</p>}
      </section>
    </div>
  );
}
