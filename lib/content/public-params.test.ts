import { describe, expect, it } from 'vitest';
import { parseIssueNumber, parseSlug } from './public-params';

describe('public URL parameters', () => {
  it('accept bulletin issue numbers and nothing else', () => {
    expect(parseIssueNumber('25')).toBe(25);
    for (const bad of ['0', '025', '-1', '1e3', '25abc', '', '9999999', ' 25', '%32%35'])
      expect(parseIssueNumber(bad)).toBeNull();
  });
  it('accept slugs and nothing else', () => {
    expect(parseSlug('bali-ministerial-conference')).toBe('bali-ministerial-conference');
    for (const bad of ['Bali', 'a--b', '-a', 'a-', '../x', 'a b', 'x'.repeat(121), "'; drop"])
      expect(parseSlug(bad)).toBeNull();
  });
});
