import 'server-only';
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import type { CalendarMeeting } from '@/lib/content/public-meetings';
import { formatDateRange } from '@/lib/format/dates';
import { absoluteUrl, itemPath } from '@/lib/site-url';
import { calendarSpan } from './meeting-dates';

/**
 * iCalendar (RFC 5545) for the meetings calendar, written by ical-generator: /meetings.ics (every
 * public meeting, for subscribing) and /meetings/<id>/calendar.ics (one, for adding). Which meetings
 * get an event, and how month-precision dates are shown, is decided in ./meeting-dates.ts.
 */

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** Stable across feeds, requests and renames: the meeting's database id, at the site's host name. */
export function meetingUid(base: string, meetingId: string): string {
  return `meeting-${meetingId}@${new URL(base).hostname}`;
}

function description(base: string, m: CalendarMeeting, approximate: boolean): string {
  const lines: string[] = [];
  if (approximate)
    lines.push(`${formatDateRange(m.startDate, m.endDate, m.datePrecision)}: the exact days are not known.`);
  if (m.organisers) lines.push(`Organised by ${m.organisers}.`);
  if (m.participants) lines.push(`Taking part: ${m.participants}.`);
  for (const report of m.items) {
    const issue = report.section?.issue.number;
    if (issue !== undefined) lines.push(`Report: ${report.title} ${absoluteUrl(base, itemPath(issue, report.slug))}`);
  }
  if (m.url) lines.push(`Meeting website: ${m.url}`);
  return lines.join('\n');
}

export function buildMeetingsCalendar({
  base,
  name,
  meetings,
}: {
  base: string;
  /** The calendar's name as a calendar program lists it. */
  name: string;
  meetings: CalendarMeeting[];
}): string {
  const calendar = ical({
    name,
    prodId: { company: 'Quire', product: 'Meetings calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // Subscribed calendars are fetched again twice a day.
    ttl: 12 * 60 * 60,
    url: absoluteUrl(base, '/meetings'),
  });
  for (const m of meetings) {
    const span = calendarSpan(m);
    if (!span) continue;
    calendar.createEvent({
      id: meetingUid(base, m.id),
      allDay: true,
      start: span.start,
      end: span.endExclusive,
      stamp: m.updatedAt,
      created: m.createdAt,
      lastModified: m.updatedAt,
      summary: m.name,
      location: [m.city, m.country].filter(Boolean).join(', ') || null,
      description: description(base, m, span.approximate) || null,
      url: absoluteUrl(base, `/meetings#meeting-${m.id}`),
      transparency: span.approximate ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    });
  }
  return calendar.toString();
}
