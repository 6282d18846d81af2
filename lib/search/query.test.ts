import { describe, expect, it } from 'vitest';
import { activeFacets, cleanQueryText, parseSearchQuery, QUERY_MAX_CHARS, searchHref, tsqueryInput } from './query';

describe('search URL', () => {
  it('reads every choice, in any letter case, and drops what is malformed', () => {
    expect(
      parseSearchQuery({
        q: '  "temporary  residence"  -visa ',
        kind: 'MEETING_report',
        country: 'Ukraine',
        region: 'balkans',
        theme: 'victim-protection',
        year: '2002',
        issue: '25',
        page: '3',
      }),
    ).toEqual({
      q: '"temporary residence" -visa',
      truncated: false,
      kind: 'MEETING_REPORT',
      country: 'ukraine',
      region: 'balkans',
      theme: 'victim-protection',
      year: 2002,
      issue: 25,
      page: 3,
    });
    expect(
      parseSearchQuery({ kind: 'poem', country: '../x', region: 'a b', year: '20021', issue: '0', page: '-1' }),
    ).toEqual({ q: '', truncated: false, page: 1 });
    expect(parseSearchQuery({ q: ['first', 'second'], page: '99999' })).toMatchObject({ q: 'first', page: 1 });
  });

  it('removes control characters, lone surrogates and the highlight sentinels, and cuts long input by code point', () => {
    expect(cleanQueryText('a\u0000b\u0007c\u009fd\uE000e\uE001f\uD800g')).toEqual({
      q: 'a b c d e f g',
      truncated: false,
    });
    const long = '🙂'.repeat(QUERY_MAX_CHARS + 10);
    const { q, truncated } = cleanQueryText(long);
    expect(truncated).toBe(true);
    expect(Array.from(q)).toHaveLength(QUERY_MAX_CHARS);
    expect(q).toBe('🙂'.repeat(QUERY_MAX_CHARS));
  });

  it('builds URLs that set or remove one facet, keep the rest, and start again at page 1', () => {
    const query = parseSearchQuery({ q: 'visa', kind: 'article', country: 'italy', page: '4' });
    expect(activeFacets(query)).toEqual([
      ['kind', 'article'],
      ['country', 'italy'],
    ]);
    expect(searchHref(query)).toBe('/search?q=visa&kind=article&country=italy&page=4');
    expect(searchHref(query, { theme: 'children' })).toBe('/search?q=visa&kind=article&country=italy&theme=children');
    expect(searchHref(query, { country: null })).toBe('/search?q=visa&kind=article');
    expect(searchHref(query, { page: 2 })).toBe('/search?q=visa&kind=article&country=italy&page=2');
    expect(searchHref(parseSearchQuery({}))).toBe('/search');
    expect(searchHref(parseSearchQuery({ q: 'a&b=c #d' }))).toBe('/search?q=a%26b%3Dc+%23d');
  });
});

describe('tsquery input', () => {
  it('drops minus signs that negate nothing, keeps exclusions and hyphenated words', () => {
    expect(tsqueryInput('visa -permit -"temporary residence" Asia-Pacific')).toBe(
      'visa -permit -"temporary residence" Asia-Pacific',
    );
    expect(tsqueryInput('a -- b - c -!d -(e)')).toBe('a    b   c  !d  (e)');
    expect(tsqueryInput('-'.repeat(40))).toBe(' '.repeat(40));
    expect(tsqueryInput('-résumé -1')).toBe('-résumé -1');
  });
});
