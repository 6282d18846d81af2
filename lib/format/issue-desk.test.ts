import { describe, expect, it } from 'vitest';
import { acceptsKindLabel, formatUtc } from './issue-desk';

describe('issue desk formats', () => {
  it('states moments in UTC, and says so', () => {
    expect(formatUtc(new Date('2002-07-01T09:05:00Z'))).toBe('1 Jul 2002, 09:05 UTC');
    expect(formatUtc(new Date('2002-12-31T23:59:00-05:00'))).toBe('1 Jan 2003, 04:59 UTC');
  });
  it('names accepted kinds', () => {
    expect(acceptsKindLabel(null)).toBe('Any kind');
    expect(acceptsKindLabel('PUBLICATION_REVIEW')).toBe('Publication reviews only');
  });
});
