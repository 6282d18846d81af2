import { describe, expect, it } from 'vitest';
import { normaliseLinkInput } from './link-input';

describe('normaliseLinkInput', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['  http://example.org  ', 'http://example.org'],
    ['example.org/report.pdf', 'https://example.org/report.pdf'],
    ['www.iom.int', 'https://www.iom.int'],
    ['//example.org', 'https://example.org'],
    ['desk@example.org', 'mailto:desk@example.org'],
    ['mailto:desk@example.org?subject=Hi', 'mailto:desk@example.org?subject=Hi'],
  ])('%j → %s', (raw, href) => expect(normaliseLinkInput(raw)).toEqual({ ok: true, href }));

  it.each([
    '',
    '   ',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,x',
    'ftp://example.org',
    'vbscript:x',
    'just words',
    '/relative',
    'java\tscript:alert(1)',
  ])('refuses %j', (raw) => expect(normaliseLinkInput(raw).ok).toBe(false));
});
