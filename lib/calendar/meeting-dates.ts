import type { DatePrecision } from '@/generated/prisma/enums';

/**
 * When a meeting happens, as calendars and the meetings page see it. Dates are calendar dates stored
 * as UTC midnight (@db.Date).
 *
 * - Day precision: an all-day event from the first day to the day after the last (RFC 5545's DTEND
 *   of an all-day event is exclusive).
 * - Month precision ("September 2002"): an all-day event over the whole month (or months, to the end
 *   of the end date's month), marked approximate. Calendars then show it in the right month, where a
 *   reader looking at that month expects it, and the description says the days are not known; it is
 *   marked free time (TRANSP:TRANSPARENT) so it blocks nobody's month.
 * - Year precision or no date: not in calendars (a year-long event helps nobody).
 */
export type CalendarSpan = { start: Date; endExclusive: Date; approximate: boolean };

const DAY_MS = 86_400_000;

function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function calendarSpan(m: {
  startDate: Date | null;
  endDate: Date | null;
  datePrecision: DatePrecision;
}): CalendarSpan | null {
  if (!m.startDate) return null;
  const start = utcDay(m.startDate);
  const end = m.endDate && m.endDate >= m.startDate ? utcDay(m.endDate) : start;
  if (m.datePrecision === 'DAY') return { start, endExclusive: new Date(end.getTime() + DAY_MS), approximate: false };
  if (m.datePrecision === 'MONTH')
    return {
      start: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)),
      endExclusive: new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1)),
      approximate: true,
    };
  return null;
}

/** The last day a meeting may still be going on, for "upcoming" and "past"; null when undated. */
export function meetingLastDay(m: {
  startDate: Date | null;
  endDate: Date | null;
  datePrecision: DatePrecision;
}): Date | null {
  if (!m.startDate) return null;
  const end = m.endDate && m.endDate >= m.startDate ? m.endDate : m.startDate;
  if (m.datePrecision === 'DAY') return utcDay(end);
  if (m.datePrecision === 'MONTH') return new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0));
  return new Date(Date.UTC(end.getUTCFullYear(), 11, 31));
}
