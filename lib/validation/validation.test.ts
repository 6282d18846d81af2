import { describe, expect, it } from 'vitest';
import { isIsoDate, isWebUrl } from './common';
import { parseWith } from './field-errors';
import { itemSchema } from './item';
import { isValidIsbn, publicationSchema } from './publication';
import { slugFromTitle, toSlug } from './slug';
import { meetingSchema } from './meeting';
import { commentSchema, normaliseForQuote } from './comment';

describe('slugs', () => {
  it.each([
    ['Bali Ministerial Conference', 'bali-ministerial-conference'],
    ['N° 25 — Spring 2002', 'n-25-spring-2002'],
    ['Über—Straße & co', 'uber-strasse-and-co'],
    ["L'Économie: Ça va?", 'leconomie-ca-va'],
    ['  --Hello--World--  ', 'hello-world'],
    ['EU/IOM report', 'eu-iom-report'],
  ])('%s → %s', (title, slug) => expect(slugFromTitle(title)).toBe(slug));

  it('falls back when nothing sluggable is left, and cuts long titles at a word', () => {
    expect(slugFromTitle('—')).toBe('item');
    expect(slugFromTitle('移民')).toBe('item');
    const long = slugFromTitle('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(long.endsWith('word')).toBe(true);
    expect(toSlug('a'.repeat(200))).toHaveLength(120);
  });
});

describe('field checks', () => {
  it('web links: http and https with a host only', () => {
    expect(isWebUrl('https://example.org/x?y=1')).toBe(true);
    expect(isWebUrl('http://example.org')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'ftp://example.org',
      'mailto:a@b.c',
      'example.org',
      'https://',
      ' https://example.org',
      'https://exa mple.org',
    ]) {
      expect(isWebUrl(bad), bad).toBe(false);
    }
  });

  it('dates: real calendar days as YYYY-MM-DD', () => {
    expect(isIsoDate('2002-02-28')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    for (const bad of ['2002-02-29', '2002-13-01', '2002-2-1', '02-02-2002', '0999-01-01', '2002-02-28T00:00'])
      expect(isIsoDate(bad), bad).toBe(false);
  });

  it('ISBN-10 and ISBN-13 with their check digits', () => {
    for (const good of [
      '978-0-306-40615-7',
      '9780306406157',
      '0-306-40615-2',
      '0 306 40615 2',
      '0-8044-2957-X',
      '0-8044-2957-x',
    ])
      expect(isValidIsbn(good), good).toBe(true);
    for (const bad of ['978-0-306-40615-6', '0-306-40615-3', '12345', '977-0-306-40615-7', 'ISBN 0-306-40615-2'])
      expect(isValidIsbn(bad), bad).toBe(false);
  });
});

describe('schemas', () => {
  it('item: trims, fills the slug, de-duplicates tags, empty links and dates become null', () => {
    const parsed = parseWith(itemSchema, {
      kind: 'ARTICLE',
      title: '  Boats in the Strait ',
      standfirst: null,
      tags: [
        { kind: 'COUNTRY', name: 'Italy' },
        { kind: 'COUNTRY', name: ' italy' },
        { kind: 'REGION', name: 'Italy' },
      ],
      sources: [{ name: ' ANSA ', url: '', date: '' }],
      meetingId: '',
    });
    expect(parsed).toEqual({
      ok: true,
      data: {
        kind: 'ARTICLE',
        title: 'Boats in the Strait',
        slug: 'boats-in-the-strait',
        standfirst: '',
        body: { type: 'doc', content: [] },
        tags: [
          { kind: 'COUNTRY', name: 'Italy' },
          { kind: 'REGION', name: 'Italy' },
        ],
        sources: [{ name: 'ANSA', url: null, date: null }],
        meetingId: null,
        publicationId: null,
      },
    });
  });

  it('item: the kind decides which link is allowed, checked with the other fields', () => {
    const result = parseWith(itemSchema, {
      kind: 'PUBLICATION_REVIEW',
      title: '',
      meetingId: 'm1',
      publicationId: 'p1',
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { title: ['Enter a title.'], meetingId: ['Only meeting reports link to a meeting.'] },
    });
  });

  it('meeting and publication: every error at once', () => {
    expect(parseWith(meetingSchema, { name: '', endDate: '2002-01-02', url: 'x' })).toEqual({
      ok: false,
      fieldErrors: {
        name: ['Enter the name of the meeting.'],
        url: ['Enter a full web address starting with http:// or https://.'],
        startDate: ['Enter the start date too.'],
      },
    });
    const publication = parseWith(publicationSchema, { title: '', date: '2002-02-30', isbn: '123' });
    expect(publication.ok ? [] : Object.keys(publication.fieldErrors).sort()).toEqual(['date', 'isbn', 'title']);
  });

  it('comment: body required, quote optional; quotes match whatever the whitespace', () => {
    expect(parseWith(commentSchema, { body: ' ok ', quote: '  ' })).toEqual({
      ok: true,
      data: { body: 'ok', quote: null },
    });
    expect(normaliseForQuote(' a\n\n b\tc ')).toBe('a b c');
  });
});
