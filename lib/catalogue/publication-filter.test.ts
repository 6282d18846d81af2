import { describe, expect, it } from 'vitest';
import {
  applyPublicationFilter,
  parsePublicationFilter,
  publicationFilterOptions,
  publicationFilterQuery,
} from './publication-filter';

const p = (title: string, kind: string, availability: string, issuingBody: string, date: string | null) => ({
  title,
  kind: kind as 'MANUAL',
  availability: availability as 'PUBLISHED',
  issuingBody,
  date: date ? new Date(`${date}T00:00:00Z`) : null,
});

describe('publication catalogue filters', () => {
  const list = [
    p('Beta manual', 'MANUAL', 'PUBLISHED', 'IOM Dhaka', '2002-01-01'),
    p('alpha report', 'RESEARCH_REPORT', 'FORTHCOMING', 'IOM', '2001-01-01'),
    p('Gamma assessment', 'ASSESSMENT', 'PUBLISHED', 'Europol', null),
  ];
  const titles = (params: Record<string, string>) =>
    applyPublicationFilter(list, parsePublicationFilter(params)).map((x) => x.title);

  it('filter by kind, availability, issuing body and year, in any letter case', () => {
    expect(titles({ kind: 'manual' })).toEqual(['Beta manual']);
    expect(titles({ availability: 'FORTHCOMING' })).toEqual(['alpha report']);
    expect(titles({ body: 'europol' })).toEqual(['Gamma assessment']);
    expect(titles({ year: '2001' })).toEqual(['alpha report']);
    expect(titles({ kind: 'poem', availability: '?', year: 'x', sort: 'random' })).toHaveLength(3);
  });

  it('sort newest first (undated last), oldest first, or by title', () => {
    expect(titles({})).toEqual(['Beta manual', 'alpha report', 'Gamma assessment']);
    expect(titles({ sort: 'oldest' })).toEqual(['alpha report', 'Beta manual', 'Gamma assessment']);
    expect(titles({ sort: 'title' })).toEqual(['alpha report', 'Beta manual', 'Gamma assessment']);
  });

  it('offer the choices there are and write them back as a query string', () => {
    expect(publicationFilterOptions(list)).toEqual({
      kinds: ['RESEARCH_REPORT', 'MANUAL', 'ASSESSMENT'],
      bodies: ['Europol', 'IOM', 'IOM Dhaka'],
      years: [2002, 2001],
    });
    expect(publicationFilterQuery(parsePublicationFilter({ kind: 'MANUAL', body: 'IOM & co', sort: 'title' }))).toBe(
      'kind=manual&body=IOM+%26+co&sort=title',
    );
  });
});
