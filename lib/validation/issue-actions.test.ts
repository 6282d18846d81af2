import { describe, expect, it } from 'vitest';
import { utcDateTimeInput } from '@/lib/format/dates';
import { parseUtcDateTime, scheduleActionSchema } from './issue-actions';

describe('schedule times typed as UTC', () => {
  it('reads datetime-local values as UTC, whatever the machine’s zone', () => {
    expect(parseUtcDateTime('2002-07-01T09:00')?.toISOString()).toBe('2002-07-01T09:00:00.000Z');
    expect(parseUtcDateTime('2002-07-01T09:00:30')?.toISOString()).toBe('2002-07-01T09:00:30.000Z');
    expect(utcDateTimeInput(new Date('2002-07-01T09:00:30Z'))).toBe('2002-07-01T09:00');
  });

  it('refuses what is not a real moment', () => {
    for (const value of [
      '',
      '2002-07-01',
      '2002-02-30T09:00',
      '2002-07-01T24:00',
      '2002-07-01 09:00',
      '0999-01-01T00:00',
      'tomorrow',
    ]) {
      expect(parseUtcDateTime(value), value).toBeNull();
    }
  });

  it('gives the field an error the form shows next to it', () => {
    const result = scheduleActionSchema.safeParse({ issueId: 'x', at: '2002-02-30T09:00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['at']);
  });
});
