import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { docFromParagraphs } from '@/lib/rich-text/document';
import type { FeedItem } from '@/lib/content/feed';
import { buildAtomFeed, categoryScheme, entryId, xmlText } from './atom';

const base = 'https://bulletin.example.org';
const settings = {
  title: 'Trafficking in Migrants',
  subtitle: 'Quarterly Bulletin',
  publisher: 'IOM',
  reproductionNotice: 'May be reproduced with acknowledgement.',
  updatedAt: new Date('2002-01-01T00:00:00Z'),
};

function item(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 'item-1',
    kind: 'MEETING_REPORT',
    title: 'Bali conference',
    slug: 'bali-conference',
    standfirst: 'Ministers met in Bali.',
    body: docFromParagraphs(['First paragraph.']),
    publishedAt: new Date('2002-04-15T09:00:00Z'),
    correctedAt: null,
    createdAt: new Date('2002-03-01T09:00:00Z'),
    author: { name: 'Edith Marlowe' },
    section: { title: 'Meetings and Policy', issue: { number: 25, coverLabel: 'Spring 2002' } },
    tags: [
      { tag: { kind: 'COUNTRY', name: 'Indonesia', slug: 'indonesia' } },
      { tag: { kind: 'THEME', name: 'Smuggling & trafficking', slug: 'smuggling' } },
    ],
    ...overrides,
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['entry', 'category', 'link'].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed;
}

describe('buildAtomFeed', () => {
  it('writes an Atom feed with the required elements and every entry field', () => {
    const xml = buildAtomFeed({ base, settings, items: [item()] });
    const feed = parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title['#text']).toBe(settings.title);
    expect(feed.subtitle['#text']).toBe(settings.subtitle);
    expect(feed.id).toBe(`${base}/feed.xml`);
    expect(feed.updated).toBe('2002-04-15T09:00:00.000Z');
    expect(feed.link.map((l: Record<string, string>) => l['@_rel'])).toEqual(['self', 'alternate']);

    const [entry] = feed.entry;
    expect(entry.id).toBe('tag:bulletin.example.org,2002:item:item-1');
    expect(entry.title['#text']).toBe('Bali conference');
    expect(entry.link[0]['@_href']).toBe(`${base}/issues/25/bali-conference`);
    expect(entry.published).toBe('2002-04-15T09:00:00.000Z');
    expect(entry.updated).toBe('2002-04-15T09:00:00.000Z');
    expect(entry.summary['#text']).toBe('Ministers met in Bali.');
    expect(entry.content['@_type']).toBe('html');
    expect(entry.content['#text']).toBe('<p>First paragraph.</p>');
    // The account name of whoever wrote it in the back office is not published; the publisher is.
    expect(entry.author).toBeUndefined();
    expect(xml).not.toContain('Edith Marlowe');
    expect(JSON.stringify(feed.author)).toContain(settings.publisher || settings.title);
    expect(entry.category.map((c: Record<string, string>) => [c['@_scheme'], c['@_term']])).toEqual([
      [categoryScheme(base, 'kind'), 'Meeting report'],
      [categoryScheme(base, 'issue'), 'N° 25 – Spring 2002'],
      [categoryScheme(base, 'country'), 'Indonesia'],
      [categoryScheme(base, 'theme'), 'Smuggling & trafficking'],
    ]);
  });

  it('dates an entry by its correction and the feed by its latest change', () => {
    const corrected = item({ id: 'item-2', correctedAt: new Date('2002-05-02T10:00:00Z') });
    const feed = parse(buildAtomFeed({ base, settings, items: [item(), corrected] }));
    expect(feed.entry[1].updated).toBe('2002-05-02T10:00:00.000Z');
    expect(feed.entry[1].published).toBe('2002-04-15T09:00:00.000Z');
    expect(feed.updated).toBe('2002-05-02T10:00:00.000Z');
  });

  it('stays well-formed whatever the text holds', () => {
    const hostile = 'A <b>&amp; "quoted" ]]> twice ]]> \u000Bvertical tab\u0000 and a lone \uD800 surrogate';
    const xml = buildAtomFeed({
      base,
      settings: { ...settings, title: hostile, subtitle: hostile },
      items: [
        item({
          title: hostile,
          standfirst: hostile,
          body: docFromParagraphs([hostile]),
          author: { name: hostile },
          section: { title: hostile, issue: { number: 25, coverLabel: hostile } },
          tags: [{ tag: { kind: 'REGION', name: hostile, slug: 'x' } }],
        }),
      ],
    });
    const feed = parse(xml);
    const expected = xmlText(hostile);
    expect(expected).toBe('A <b>&amp; "quoted" ]]> twice ]]> vertical tab and a lone  surrogate');
    expect(feed.title['#text']).toBe(expected);
    expect(feed.entry[0].title['#text']).toBe(expected);
    expect(feed.entry[0].category[2]['@_term']).toBe(expected);
    expect(feed.entry[0].category[1]['@_term']).toBe(`N° 25 – ${expected}`);
    // The HTML content is escaped once for XML: a reader decodes it back to the renderer's HTML.
    expect(feed.entry[0].content['#text']).toContain('A &lt;b&gt;&amp;amp; "quoted" ]]&gt; twice');
  });

  it('leaves out an empty standfirst and subtitle, and is valid with no entries', () => {
    const feed = parse(
      buildAtomFeed({ base, settings: { ...settings, subtitle: '' }, items: [item({ standfirst: '' })] }),
    );
    expect(feed.subtitle).toBeUndefined();
    expect(feed.entry[0].summary).toBeUndefined();
    const empty = parse(buildAtomFeed({ base, settings, items: [] }));
    expect(empty.entry).toBeUndefined();
    expect(empty.updated).toBe('2002-01-01T00:00:00.000Z');
  });

  it('keeps the tag URI free of the port', () => {
    expect(entryId('http://localhost:3200', { id: 'x', createdAt: new Date('2026-01-01T00:00:00Z') })).toBe(
      'tag:localhost,2026:item:x',
    );
  });
});
