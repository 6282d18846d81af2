import type { DatePrecision } from '@/generated/prisma/enums';
import { meetingLastDay } from './meeting-dates';

/**
 * The meetings page's filters (/meetings?when=upcoming&year=2002&country=Italy): parsing, applying
 * and the choices on offer. Pure functions; anything malformed is ignored.
 */

export type MeetingWhen = 'upcoming' | 'past';
export type MeetingFilter = { when?: MeetingWhen; year?: number; country?: string };

type Params = Record<string, string | string[] | undefined>;
type Dated = { startDate: Date | null; endDate: Date | null; datePrecision: DatePrecision; country: string };

const first = (params: Params, name: string) => {
  const v = params[name];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
};

export function parseMeetingFilter(params: Params): MeetingFilter {
  const when = first(params, 'when');
  const year = first(params, 'year');
  const country = first(params, 'country').slice(0, 100);
  return {
    when: when === 'upcoming' || when === 'past' ? when : undefined,
    year: /^\d{4}$/.test(year) ? Number(year) : undefined,
    country: country || undefined,
  };
}

/** Upcoming: not yet over on `today` (a month-precision meeting stays upcoming to its month's end). */
export function isUpcoming(m: Dated, today: Date): boolean {
  const last = meetingLastDay(m);
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  return last !== null && last >= day;
}

export function applyMeetingFilter<T extends Dated>(meetings: T[], filter: MeetingFilter, today: Date): T[] {
  return meetings.filter(
    (m) =>
      (!filter.when || (filter.when === 'upcoming') === isUpcoming(m, today)) &&
      (!filter.year || m.startDate?.getUTCFullYear() === filter.year) &&
      (!filter.country || m.country.toLowerCase() === filter.country.toLowerCase()),
  );
}

/** The years and countries the meetings have, for the filter form: years newest first, countries A–Z. */
export function meetingFilterOptions(meetings: Dated[]): { years: number[]; countries: string[] } {
  const years = new Set<number>();
  const countries = new Set<string>();
  for (const m of meetings) {
    if (m.startDate) years.add(m.startDate.getUTCFullYear());
    if (m.country) countries.add(m.country);
  }
  return {
    years: [...years].sort((a, b) => b - a),
    countries: [...countries].sort((a, b) => a.localeCompare(b, 'en')),
  };
}

export function meetingsHref(filter: MeetingFilter): string {
  const search = new URLSearchParams();
  if (filter.when) search.set('when', filter.when);
  if (filter.year) search.set('year', String(filter.year));
  if (filter.country) search.set('country', filter.country);
  const s = search.toString();
  return s ? `/meetings?${s}` : '/meetings';
}
