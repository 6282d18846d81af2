import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange } from './dates';

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
