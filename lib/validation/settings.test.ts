import { describe, expect, it } from 'vitest';
import { createIssueSchema } from './issue';
import { isValidIssn } from './settings';

describe('ISSN check digit', () => {
  it('accepts real ISSNs, with or without the hyphen, and X as the check digit', () => {
    for (const issn of ['1020-8852', '0317-8471', '2049-3630', '0000-006X', '0000006x'])
      expect(isValidIssn(issn)).toBe(true);
  });
  it('refuses a wrong check digit or shape', () => {
    for (const issn of ['1020-8853', '0317-8472', '123-45678', '1234-56789', 'ABCD-EFGH', ''])
      expect(isValidIssn(issn)).toBe(false);
  });
});

describe('new issue input', () => {
  it('takes a calendar date as YYYY-MM-DD (UTC midnight), empty as none, and refuses impossible dates', () => {
    expect(createIssueSchema.parse({ number: '27', coverLabel: ' Autumn 2002 ', coverDate: '2002-10-01' })).toEqual({
      number: 27,
      coverLabel: 'Autumn 2002',
      coverDate: new Date('2002-10-01T00:00:00Z'),
    });
    expect(createIssueSchema.parse({ number: 27 })).toEqual({ number: 27, coverLabel: '', coverDate: null });
    expect(createIssueSchema.parse({ number: 27, coverDate: '' }).coverDate).toBeNull();
    for (const coverDate of ['2002-02-30', '02-10-2002', '2002-13-01', 'soon'])
      expect(createIssueSchema.safeParse({ number: 27, coverDate }).success).toBe(false);
    for (const number of ['', 0, -1, 2.5, 'abc']) expect(createIssueSchema.safeParse({ number }).success).toBe(false);
  });
});
