import Link from 'next/link';
import type { HomeColumn as HomeColumnData } from '@/lib/content/home-column';
import { isUpcoming } from '@/lib/calendar/meeting-filter';
import { formatDate, formatDateRange, isoDate } from '@/lib/format/dates';
import { availabilityLabel, issueLabel } from '@/lib/format/labels';
import { publicationPath } from '@/lib/reader-paths';
import { meetingPlace } from './item-facts';

const MEETINGS_SHOWN = 4;

/**
 * The home page's right column: earlier bulletin issues, meetings (the upcoming ones soonest first, or
 * when none is upcoming the latest ones), and the newest publications. `today` decides upcoming at
 * render time, so the data itself can be cached.
 */
export function HomeColumn({ data, latestNumber, today }: { data: HomeColumnData; latestNumber: number; today: Date }) {
  const earlier = data.issues.filter((i) => i.number !== latestNumber).slice(0, 5);
  const upcoming = data.meetings.filter((m) => isUpcoming(m, today)).reverse();
  const meetings = (upcoming.length > 0 ? upcoming : data.meetings).slice(0, MEETINGS_SHOWN);

  return (
    <aside className="home-column" aria-label="More from the bulletin">
      <section className="home-column__block" aria-labelledby="home-issues">
        <h2 id="home-issues">Recent issues</h2>
        {earlier.length > 0 ? (
          <ul className="home-column__list">
            {earlier.map((i) => (
              <li key={i.number}>
                <Link href={`/issues/${i.number}`}>
                  {issueLabel(i.number)} – {i.coverLabel}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="home-column__empty">This is the first issue.</p>
        )}
        <p className="home-column__more">
          <Link href="/issues">The full archive</Link>
        </p>
      </section>

      {meetings.length > 0 && (
        <section className="home-column__block" aria-labelledby="home-meetings">
          <h2 id="home-meetings">{upcoming.length > 0 ? 'Upcoming meetings' : 'Recent meetings'}</h2>
          <ul className="home-column__list">
            {meetings.map((m) => (
              <li key={m.id}>
                <Link href={`/meetings#meeting-${m.id}`}>{m.name}</Link>
                <span className="home-column__line">
                  {m.startDate && (
                    <time dateTime={isoDate(m.startDate)}>
                      {formatDateRange(m.startDate, m.endDate, m.datePrecision)}
                    </time>
                  )}
                  {m.startDate && meetingPlace(m) && ', '}
                  {meetingPlace(m)}
                </span>
              </li>
            ))}
          </ul>
          <p className="home-column__more">
            <Link href="/meetings">All meetings</Link>
          </p>
        </section>
      )}

      {data.publications.length > 0 && (
        <section className="home-column__block" aria-labelledby="home-publications">
          <h2 id="home-publications">New publications</h2>
          <ul className="home-column__list">
            {data.publications.map((p) => (
              <li key={p.id}>
                <Link href={publicationPath(p.id)}>{p.title}</Link>
                <span className="home-column__line">
                  {[
                    p.issuingBody,
                    p.availability === 'FORTHCOMING'
                      ? availabilityLabel.FORTHCOMING
                      : p.date && formatDate(p.date, p.datePrecision),
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </span>
              </li>
            ))}
          </ul>
          <p className="home-column__more">
            <Link href="/publications">The publications catalogue</Link>
          </p>
        </section>
      )}
    </aside>
  );
}
