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

/**
 * Publication time zone (PublicationSettings.timeZone): scheduled publishing is typed in it and shown
 * in it with UTC beside, whatever the server's or the browser's zone.
 */

/** The canonical IANA name ("Europe/Vienna", "UTC") if Intl knows the zone, else null. */
export function canonicalTimeZone(zone: string): string | null {
  const name = zone.trim();
  if (name === '' || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallTimeIn(date: Date, zone: string): WallTime {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    wallFormats.set(zone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(format.formatToParts(date).find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const asUtcMs = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The moment a wall-clock time in `zone` names, given as a Date whose UTC fields are that wall time
 * (what parseUtcDateTime reads from a datetime-local input). Null when the clocks skip it (the hour lost
 * when summer time starts); of a time that happens twice (autumn), the first.
 */
export function wallTimeToMoment(wall: Date, zone: string): Date | null {
  const wanted = wall.getTime();
  const offsetAt = (ms: number) => asUtcMs(wallTimeIn(new Date(ms), zone)) - ms;
  const first = wanted - offsetAt(wanted - 86_400_000 / 2);
  const candidates = [first, wanted - offsetAt(first), wanted - offsetAt(wanted)].sort((a, b) => a - b);
  const hit = candidates.find((ms) => asUtcMs(wallTimeIn(new Date(ms), zone)) === wanted);
  return hit === undefined ? null : new Date(hit);
}

/** The value a datetime-local input shows for a moment, in `zone` ("2002-07-01T11:00"). */
export function zonedDateTimeInput(date: Date, zone: string): string {
  const w = wallTimeIn(date, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "1 Jul 2002, 11:00 Europe/Vienna (09:00 UTC)"; in UTC alone when the zone is UTC. */
export function formatInZoneAndUtc(date: Date, zone: string): string {
  if (zone === 'UTC') return formatUtc(date);
  const inZone = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  const sameDay = zonedDateTimeInput(date, zone).slice(0, 10) === date.toISOString().slice(0, 10);
  return `${inZone} ${zone} (${sameDay ? `${date.toISOString().slice(11, 16)} UTC` : formatUtc(date)})`;
}
