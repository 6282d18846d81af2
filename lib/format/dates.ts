import type { DatePrecision } from '@/generated/prisma/enums';

/**
 * Every date and time Quire shows or sends, in one place (browser-safe). Calendar dates are stored as
 * UTC midnight (@db.Date) and moments as instants; both are formatted in UTC unless the reader's own
 * clock is asked for (formatLocalTime), so a page says the same whatever the server's time zone.
 */

const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });

const day = utc({ day: 'numeric', month: 'long', year: 'numeric' });
const dayAndMonth = utc({ day: 'numeric', month: 'long' });
const month = utc({ month: 'long', year: 'numeric' });
const year = utc({ year: 'numeric' });
const moment = utc({
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const momentInWords = utc({
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** "11 March 2002", "January 2002" or "2002", as precise as what is known. */
export function formatDate(date: Date, precision: DatePrecision = 'DAY'): string {
  return (precision === 'DAY' ? day : precision === 'MONTH' ? month : year).format(date);
}

/** "26–28 February 2002", "30 June – 2 July 2002", "September 2002", "". */
export function formatDateRange(start: Date | null, end: Date | null, precision: DatePrecision = 'DAY'): string {
  if (!start) return '';
  if (!end || end.getTime() === start.getTime() || precision !== 'DAY') return formatDate(start, precision);
  const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
  const sameMonth = sameYear && start.getUTCMonth() === end.getUTCMonth();
  if (sameMonth) return `${start.getUTCDate()}–${day.format(end)}`;
  if (sameYear) return `${dayAndMonth.format(start)} – ${day.format(end)}`;
  return `${day.format(start)} – ${day.format(end)}`;
}

/** "1 Jul 2002, 09:05 UTC": a moment on the back office (lists, the desk, the outbox), and it says UTC. */
export function formatUtc(date: Date): string {
  return `${moment.format(date)} UTC`;
}

/** "1 July 2002 at 09:05 UTC": a moment in a sentence (the expiry of a link in a mail). */
export function formatUtcInWords(date: Date): string {
  return momentInWords.format(date);
}

/** "2002-07-01 09:05 UTC": a moment in a short confirmation, as the editor typed it. */
export function formatUtcCompact(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** ISO calendar date (YYYY-MM-DD), for <time dateTime>, date inputs and the audit trail. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The value a datetime-local input shows for a moment, in UTC ("2002-07-01T09:00"). */
export function utcDateTimeInput(date: Date): string {
  return date.toISOString().slice(0, 16);
}

const sameLocalDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * "10:42" today, "3 Dec 2026, 10:42" otherwise, in the reader's time zone once in the browser; in UTC
 * ("3 Dec 2026, 10:42 UTC") while rendering on the server and hydrating (`inBrowser` false), so the
 * server's HTML and the first render in the browser agree.
 */
export function formatLocalTime(date: Date, inBrowser: boolean, now: Date = new Date()): string {
  const timeZone = inBrowser ? undefined : 'UTC';
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  if (inBrowser && sameLocalDay(date, now)) return time;
  const dayPart = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  return `${dayPart}, ${time}${inBrowser ? '' : ' UTC'}`;
}
