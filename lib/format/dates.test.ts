import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  formatDate,
  formatInZoneAndUtc,
  wallTimeToMoment,
  zonedDateTimeInput,
  formatDateRange,
  formatLocalTime,
  formatUtc,
  formatUtcCompact,
  formatUtcInWords,
  isoDate,
  utcDateTimeInput,
} from './dates';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('formatDateRange', () => {
  it('joins days of one month', () => {
    expect(formatDateRange(d('2002-02-26'), d('2002-02-28'))).toBe('26–28 February 2002');
  });
  it('spans months within a year', () => {
    expect(formatDateRange(d('2002-06-30'), d('2002-07-02'))).toBe('30 June – 2 July 2002');
  });
  it('spans years', () => {
    expect(formatDateRange(d('2002-12-30'), d('2003-01-02'))).toBe('30 December 2002 – 2 January 2003');
  });
  it('shows one day once', () => {
    expect(formatDateRange(d('2002-03-11'), d('2002-03-11'))).toBe('11 March 2002');
    expect(formatDateRange(d('2002-03-11'), null)).toBe('11 March 2002');
  });
  it('respects the precision that is known', () => {
    expect(formatDateRange(d('2002-01-01'), null, 'MONTH')).toBe('January 2002');
    expect(formatDate(d('2002-09-01'), 'YEAR')).toBe('2002');
  });
  it('is empty without a date', () => {
    expect(formatDateRange(null, null)).toBe('');
  });
});

describe('moments, in UTC and saying so', () => {
  it('on the back office: day, short month, year, 24-hour time', () => {
    expect(formatUtc(new Date('2002-07-01T09:05:00Z'))).toBe('1 Jul 2002, 09:05 UTC');
    expect(formatUtc(new Date('2002-12-31T23:59:00-05:00'))).toBe('1 Jan 2003, 04:59 UTC');
    expect(formatUtc(new Date('2026-03-12T00:05:00Z'))).toBe('12 Mar 2026, 00:05 UTC');
    expect(formatUtc(new Date('2026-09-02T14:05:00Z'))).toBe('2 Sept 2026, 14:05 UTC');
  });
  it('in a sentence of a mail', () => {
    expect(formatUtcInWords(new Date('2026-03-12T14:05:00Z'))).toBe('12 March 2026 at 14:05 UTC');
    expect(formatUtcInWords(new Date('2026-03-12T00:05:00+02:00'))).toBe('11 March 2026 at 22:05 UTC');
  });
  it('in a short confirmation, as typed', () => {
    expect(formatUtcCompact(new Date('2002-07-01T09:05:30Z'))).toBe('2002-07-01 09:05 UTC');
  });
});

describe('machine formats', () => {
  it('gives ISO calendar dates and datetime-local values in UTC', () => {
    expect(isoDate(new Date('2002-03-11T23:30:00-02:00'))).toBe('2002-03-12');
    expect(utcDateTimeInput(new Date('2002-07-01T09:00:30Z'))).toBe('2002-07-01T09:00');
  });
});

describe('formatLocalTime', () => {
  const at = new Date('2026-12-03T10:42:00Z');
  it('is in UTC, with the day, until the browser takes over (server HTML and hydration agree)', () => {
    expect(formatLocalTime(at, false, at)).toBe('3 Dec 2026, 10:42 UTC');
  });
  it("in the browser: only the time today, the day and time otherwise, in the reader's zone", () => {
    const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    const dayPart = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    expect(formatLocalTime(at, true, new Date(at.getTime() + 60_000))).toBe(time);
    expect(formatLocalTime(at, true, new Date(at.getTime() + 3 * 86_400_000))).toBe(`${dayPart}, ${time}`);
  });
});

describe('the publication time zone', () => {
  it('knows IANA zones by name, in their canonical spelling, and nothing else', () => {
    expect(canonicalTimeZone('Europe/Vienna')).toBe('Europe/Vienna');
    expect(canonicalTimeZone(' utc ')).toBe('UTC');
    for (const bad of ['', 'Vienna', 'Europe/Atlantis', 'GMT+25', 'x'.repeat(80)])
      expect(canonicalTimeZone(bad)).toBeNull();
  });

  it('turns a wall time in the zone into the moment, across summer time', () => {
    const wall = (s: string) => new Date(`${s}:00Z`);
    expect(wallTimeToMoment(wall('2002-07-01T11:00'), 'Europe/Vienna')?.toISOString()).toBe('2002-07-01T09:00:00.000Z');
    expect(wallTimeToMoment(wall('2002-01-15T11:00'), 'Europe/Vienna')?.toISOString()).toBe('2002-01-15T10:00:00.000Z');
    expect(wallTimeToMoment(wall('2002-07-01T09:00'), 'America/New_York')?.toISOString()).toBe(
      '2002-07-01T13:00:00.000Z',
    );
    expect(wallTimeToMoment(wall('2002-07-01T09:00'), 'UTC')?.toISOString()).toBe('2002-07-01T09:00:00.000Z');
    // 02:30 on 31 March 2002 never happened in Vienna (the clocks went from 02:00 to 03:00).
    expect(wallTimeToMoment(wall('2002-03-31T02:30'), 'Europe/Vienna')).toBeNull();
    // 02:30 on 27 October 2002 happened twice: the first one (summer time) is meant.
    expect(wallTimeToMoment(wall('2002-10-27T02:30'), 'Europe/Vienna')?.toISOString()).toBe('2002-10-27T00:30:00.000Z');
  });

  it('shows a moment in the zone with UTC beside, and fills the input in the zone', () => {
    const at = new Date('2002-07-01T09:00:00Z');
    expect(formatInZoneAndUtc(at, 'Europe/Vienna')).toBe('1 Jul 2002, 11:00 Europe/Vienna (09:00 UTC)');
    expect(formatInZoneAndUtc(new Date('2002-07-01T23:30:00Z'), 'Europe/Vienna')).toBe(
      '2 Jul 2002, 01:30 Europe/Vienna (1 Jul 2002, 23:30 UTC)',
    );
    expect(formatInZoneAndUtc(at, 'UTC')).toBe('1 Jul 2002, 09:00 UTC');
    expect(zonedDateTimeInput(at, 'Europe/Vienna')).toBe('2002-07-01T11:00');
  });
});
