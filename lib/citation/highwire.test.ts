import { describe, expect, it } from 'vitest';
import { highwireDate, itemCitationMeta, publicationCitationMeta } from './highwire';

describe('Highwire citation meta tags', () => {
  it('cite an item as an article of a numbered issue of the bulletin', () => {
    expect(
      itemCitationMeta({
        title: 'Temporary residence permits',
        author: 'Edith Marlowe',
        publishedAt: new Date('2002-04-02T09:00:00Z'),
        issueNumber: 25,
        url: 'https://bulletin.example.org/issues/25/permits',
        settings: { title: 'Trafficking in Migrants', publisher: 'IOM', issn: '1020-0000' },
      }),
    ).toEqual({
      citation_title: 'Temporary residence permits',
      citation_author: ['Edith Marlowe'],
      citation_publication_date: '2002/04/02',
      citation_journal_title: 'Trafficking in Migrants',
      citation_issue: '25',
      citation_issn: '1020-0000',
      citation_publisher: 'IOM',
      citation_language: 'en',
      citation_fulltext_html_url: 'https://bulletin.example.org/issues/25/permits',
    });
  });

  it('cite a publication with its people (or its issuing body) as authors, dated as precisely as known', () => {
    const meta = publicationCitationMeta({
      id: 'p',
      title: 'Victims of Trafficking in the Balkans',
      authors: 'Marta Lindgren and Tomas Berzins',
      issuingBody: 'IOM',
      date: new Date('2002-03-01T00:00:00Z'),
      datePrecision: 'MONTH',
      kind: 'RESEARCH_REPORT',
      availability: 'FORTHCOMING',
      url: null,
      isbn: null,
      pageUrl: 'https://bulletin.example.org/publications/p',
    });
    expect(meta).toMatchObject({
      citation_author: ['Marta Lindgren', 'Tomas Berzins'],
      citation_publisher: 'IOM',
      citation_technical_report_institution: 'IOM',
      citation_publication_date: '2002/03',
    });
    expect(meta).not.toHaveProperty('citation_isbn');
    expect(highwireDate(new Date('2002-03-01T00:00:00Z'), 'YEAR')).toBe('2002');
  });
});
