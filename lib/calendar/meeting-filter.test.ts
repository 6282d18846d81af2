import { describe, expect, it } from 'vitest';
import {
  applyMeetingFilter,
  isUpcoming,
  meetingFilterOptions,
  meetingsHref,
  parseMeetingFilter,
} from './meeting-filter';

const at = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const m = (
  id: string,
  start: string | null,
  end: string | null,
  precision: 'DAY' | 'MONTH' | 'YEAR',
  country = '',
) => ({
  id,
  startDate: start ? at(start) : null,
  endDate: end ? at(end) : null,
  datePrecision: precision,
  country,
});

describe('meetings filters', () => {
  const today = new Date('2002-09-15T18:00:00Z');
  const meetings = [
    m('ends-today', '2002-09-13', '2002-09-15', 'DAY', 'Italy'),
    m('ended', '2002-09-10', '2002-09-14', 'DAY', 'Austria'),
    m('this-month', '2002-09-01', null, 'MONTH', 'Belgium'),
    m('next-year', '2003-01-01', null, 'YEAR', 'italy'),
    m('undated', null, null, 'DAY'),
  ];

  it('call a meeting upcoming until its last day is over (a month-precision one until the month ends)', () => {
    expect(meetings.filter((x) => isUpcoming(x, today)).map((x) => x.id)).toEqual([
      'ends-today',
      'this-month',
      'next-year',
    ]);
  });

  it('filter by when, year and country (any letter case), and offer the choices there are', () => {
    const ids = (params: Record<string, string>) =>
      applyMeetingFilter(meetings, parseMeetingFilter(params), today).map((x) => x.id);
    expect(ids({ when: 'past' })).toEqual(['ended', 'undated']);
    expect(ids({ year: '2003' })).toEqual(['next-year']);
    expect(ids({ country: 'ITALY' })).toEqual(['ends-today', 'next-year']);
    expect(ids({ when: 'upcoming', year: '2002', country: 'belgium' })).toEqual(['this-month']);
    expect(ids({ when: 'soon', year: '02', country: '' })).toHaveLength(5);
    expect(meetingFilterOptions(meetings)).toEqual({
      years: [2003, 2002],
      countries: ['Austria', 'Belgium', 'italy', 'Italy'],
    });
    expect(meetingsHref({ when: 'upcoming', country: 'Bosnia & Herzegovina' })).toBe(
      '/meetings?when=upcoming&country=Bosnia+%26+Herzegovina',
    );
  });
});
