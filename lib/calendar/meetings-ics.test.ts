import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarMeeting } from '@/lib/content/public-meetings';
import { buildMeetingsCalendar, meetingUid } from './meetings-ics';

const BASE = 'https://bulletin.example.org';
const at = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function meeting(overrides: Partial<CalendarMeeting>): CalendarMeeting {
  return {
    id: 'm1',
    name: 'Regional conference; people smuggling, trafficking',
    startDate: at('2002-02-26'),
    endDate: at('2002-02-28'),
    datePrecision: 'DAY',
    city: 'Bali',
    country: 'Indonesia',
    organisers: 'Governments of Indonesia and Australia',
    participants: '',
    url: null,
    createdAt: new Date('2002-01-10T08:00:00Z'),
    updatedAt: new Date('2002-03-01T08:00:00Z'),
    items: [{ id: 'i1', title: 'Ministers meet in Bali', slug: 'bali', section: { issue: { number: 25 } } }],
    ...overrides,
  };
}

/** Parsed back with ical.js, an independent parser (ical-generator wrote it). */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((c) => {
      const e = new ICAL.Event(c);
      return {
        uid: e.uid,
        summary: e.summary,
        location: e.location,
        description: e.description,
        start: e.startDate.toString(),
        end: e.endDate.toString(),
        allDay: e.startDate.isDate && e.endDate.isDate,
        transp: c.getFirstPropertyValue('transp'),
        stamp: c.getFirstPropertyValue('dtstamp')?.toString(),
      };
    }),
  };
}

describe('meetings calendar (iCalendar)', () => {
  it('parses back: stable UIDs, all-day events with the end date exclusive, escaped text', () => {
    const ics = buildMeetingsCalendar({
      base: BASE,
      name: 'Trafficking in Migrants: meetings',
      meetings: [
        meeting({}),
        meeting({ id: 'm2', name: 'One-day meeting', startDate: at('2002-03-11'), endDate: null }),
      ],
    });
    expect(ics.split('\r\n').length).toBeGreaterThan(10); // CRLF line ends, as RFC 5545 wants
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(events).toEqual([
      {
        uid: meetingUid(BASE, 'm1'),
        summary: 'Regional conference; people smuggling, trafficking',
        location: 'Bali, Indonesia',
        description: expect.stringContaining(
          'Report: Ministers meet in Bali https://bulletin.example.org/issues/25/bali',
        ),
        start: '2002-02-26',
        end: '2002-03-01',
        allDay: true,
        transp: 'OPAQUE',
        stamp: '2002-03-01T08:00:00Z',
      },
      expect.objectContaining({ uid: meetingUid(BASE, 'm2'), start: '2002-03-11', end: '2002-03-12', allDay: true }),
    ]);
    expect(meetingUid(BASE, 'm1')).toBe('meeting-m1@bulletin.example.org');
    // The same meeting gives the same event in the feed and in its own file.
    const single = parse(buildMeetingsCalendar({ base: BASE, name: 'x', meetings: [meeting({})] })).events[0];
    expect(single).toEqual(events[0]);
  });

  it('shows a month-precision meeting over its whole month as free time, and leaves out year-only and undated ones', () => {
    const ics = buildMeetingsCalendar({
      base: BASE,
      name: 'x',
      meetings: [
        meeting({ id: 'sept', datePrecision: 'MONTH', startDate: at('2002-09-01'), endDate: null }),
        meeting({ id: 'dec', datePrecision: 'MONTH', startDate: at('2002-12-01'), endDate: at('2003-01-01') }),
        meeting({ id: 'year', datePrecision: 'YEAR', startDate: at('2003-01-01'), endDate: null }),
        meeting({ id: 'undated', startDate: null, endDate: null }),
      ],
    });
    const { events } = parse(ics);
    expect(events.map((e) => [e.uid, e.start, e.end, e.transp])).toEqual([
      [meetingUid(BASE, 'sept'), '2002-09-01', '2002-10-01', 'TRANSPARENT'],
      [meetingUid(BASE, 'dec'), '2002-12-01', '2003-02-01', 'TRANSPARENT'],
    ]);
    expect(events[0]!.description).toContain('September 2002: the exact days are not known.');
  });

  it('keeps markup and control characters in names as text', () => {
    const { events } = parse(
      buildMeetingsCalendar({
        base: BASE,
        name: 'x',
        meetings: [meeting({ name: '<script>alert(1)</script>\\ ,;\nx' })],
      }),
    );
    expect(events[0]!.summary).toBe('<script>alert(1)</script>\\ ,;\nx');
  });
});
