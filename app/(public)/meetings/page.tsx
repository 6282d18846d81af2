import type { Metadata } from 'next';
import Link from 'next/link';
import { listCalendarMeetings, type CalendarMeeting } from '@/lib/content/public-meetings';
import { calendarSpan } from '@/lib/calendar/meeting-dates';
import {
  applyMeetingFilter,
  isUpcoming,
  meetingFilterOptions,
  meetingsHref,
  parseMeetingFilter,
} from '@/lib/calendar/meeting-filter';
import { formatDateRange, isoDate } from '@/lib/format/dates';
import { meetingCalendarPath, MEETINGS_CALENDAR_PATH } from '@/lib/reader-paths';
import { itemPath } from '@/lib/site-url';
import { meetingPlace } from '@/components/public/item-facts';
import '@/components/public/search/search.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Meetings',
  description: 'Conferences and meetings reported in the bulletin, with a calendar to subscribe to.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function MeetingList({ meetings }: { meetings: CalendarMeeting[] }) {
  return (
    <ul className="record-list">
      {meetings.map((m) => (
        <li key={m.id} id={`meeting-${m.id}`} className="record">
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
              <li key={r.id}>
                <Link href={itemPath(r.section!.issue.number, r.slug)}>Report: {r.title}</Link>
              </li>
            ))}
            {calendarSpan(m) && (
              <li>
                <a href={meetingCalendarPath(m.id)} type="text/calendar" download>
                  Add to my calendar (.ics)
                </a>
              </li>
            )}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/**
 * /meetings: the calendar of meetings reported in published items, filtered by when, year and
 * country (a GET form: every choice is in the URL), with an iCalendar feed to subscribe to.
 */
export default async function MeetingsPage({ searchParams }: Props) {
  const all = await listCalendarMeetings();
  const filter = parseMeetingFilter(await searchParams);
  const today = new Date();
  const shown = applyMeetingFilter(all, filter, today);
  const options = meetingFilterOptions(all);
  // Upcoming soonest first; past most recent first.
  const upcoming = shown.filter((m) => isUpcoming(m, today)).reverse();
  const past = shown.filter((m) => !isUpcoming(m, today));
  const filtered = !!(filter.when || filter.year || filter.country);

  return (
    <div className="records">
      <h1>Meetings</h1>
      <p className="record__line">
        <a href={MEETINGS_CALENDAR_PATH} type="text/calendar">
          Subscribe to the meetings calendar
        </a>{' '}
        (iCalendar: paste the address into Google Calendar, Outlook or Apple Calendar).
      </p>

      <form method="get" action="/meetings" className="record-filters" aria-label="Filter meetings">
        <label>
          When
          <select name="when" defaultValue={filter.when ?? ''}>
            <option value="">Any time</option>
            <option value="upcoming">Upcoming</option>
            <option value="past">Past</option>
          </select>
        </label>
        <label>
          Year
          <select name="year" defaultValue={filter.year?.toString() ?? ''}>
            <option value="">Any year</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Country
          <select name="country" defaultValue={filter.country ?? ''}>
            <option value="">Any country</option>
            {options.countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Show
        </button>
        {filtered && <Link href={meetingsHref({})}>Clear</Link>}
      </form>

      <p role="status" className="record__line">
        {shown.length === 0
          ? filtered
            ? 'No meeting matches these choices.'
            : 'No meetings yet.'
          : `${shown.length} ${shown.length === 1 ? 'meeting' : 'meetings'}${filtered ? ' match these choices' : ''}.`}
      </p>

      {filter.when !== 'past' && (
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">Upcoming</h2>
          {upcoming.length ? <MeetingList meetings={upcoming} /> : <p>No upcoming meetings are listed.</p>}
        </section>
      )}
      {filter.when !== 'upcoming' && (
        <section aria-labelledby="past">
          <h2 id="past">Past</h2>
          {past.length ? <MeetingList meetings={past} /> : <p>No past meetings match.</p>}
        </section>
      )}
    </div>
  );
}
