import type { DatePrecision } from '@/generated/prisma/enums';

// Calendar dates are stored as UTC midnight (@db.Date): always format them in UTC.
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const year = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' });

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
  if (sameYear) {
    const startPart = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      start,
    );
    return `${startPart} – ${day.format(end)}`;
  }
  return `${day.format(start)} – ${day.format(end)}`;
}

/** ISO calendar date (YYYY-MM-DD), for <time dateTime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
