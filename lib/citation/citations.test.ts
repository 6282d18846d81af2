import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { formatCitations, latexEscape, toCsl, type CitablePublication } from './citations';

const publication = (overrides: Partial<CitablePublication> = {}): CitablePublication => ({
  id: 'p1',
  title: 'Victims of Trafficking in the Balkans',
  authors: '',
  issuingBody: 'IOM International Organization for Migration',
  date: new Date('2002-03-01T00:00:00Z'),
  datePrecision: 'YEAR',
  kind: 'RESEARCH_REPORT',
  availability: 'PUBLISHED',
  url: null,
  isbn: null,
  ...overrides,
});

/** Parsed back by Better BibTeX's parser, an independent one (Citation.js wrote it). */
function bib(text: string) {
  const library = parseBibtex(text, { english: [] } as never);
  expect(library.errors).toEqual([]);
  return library.entries;
}

describe('citations', () => {
  it('describe a publication in CSL-JSON: people or the issuing body as authors, dates as precise as known', () => {
    expect(
      toCsl(
        publication({
          authors: 'Marta Lindgren and Tomas Berzins; Donna M. Hughes',
          date: new Date('2002-02-26T00:00:00Z'),
          datePrecision: 'MONTH',
          kind: 'MANUAL',
          url: 'https://example.org/a{b}',
          isbn: '92-9068-123-4',
        }),
      ),
    ).toEqual({
      id: 'quire-publication-p1',
      type: 'book',
      title: 'Victims of Trafficking in the Balkans',
      author: [
        { given: 'Marta', family: 'Lindgren' },
        { given: 'Tomas', family: 'Berzins' },
        { given: 'Donna M.', family: 'Hughes' },
      ],
      publisher: 'IOM International Organization for Migration',
      issued: { 'date-parts': [[2002, 2]] },
      URL: 'https://example.org/a%7Bb%7D',
      ISBN: '92-9068-123-4',
    });
    expect(toCsl(publication()).author).toEqual([{ literal: 'IOM International Organization for Migration' }]);
  });

  it('say "Forthcoming" for a publication still to be released, in every format', () => {
    const p = publication({ availability: 'FORTHCOMING' });
    expect(toCsl(p)).toMatchObject({ status: 'forthcoming', note: 'Forthcoming' });
    expect(bib(formatCitations([p], 'bibtex'))[0]!.fields.note).toBe('Forthcoming');
    expect(formatCitations([p], 'ris')).toContain('\r\nN1  - Forthcoming\r\n');
    expect(JSON.parse(formatCitations([p], 'csl-json'))[0]).toMatchObject({ status: 'forthcoming' });
    expect(formatCitations([publication()], 'ris')).not.toContain('Forthcoming');
  });

  it('escape accents and braces in BibTeX so that it parses back to the same text', () => {
    const title = 'Trafficking {in} Women: résumé of 100% & $5_000 #1 ~ ^ \\ in Österreich, Łódź, Straße';
    const body = 'IOM Österreich {Wien} & Co_1 100%';
    const text = formatCitations(
      [publication({ title, issuingBody: body }), publication({ id: 'p2', authors: 'José Müller-Brontë' })],
      'bibtex',
    );
    expect(/[^\x00-\x7f]/.test(text)).toBe(false); // ASCII only: any BibTeX reads it
    const [first, second] = bib(text);
    expect(first!.type).toBe('techreport');
    const nfc = (t: string) => t.normalize('NFC');
    expect(nfc(first!.fields.title!.replace(/<[^>]+>/g, ''))).toBe(title);
    expect(first!.fields.author!.map((a) => nfc(a.name!))).toEqual([body]);
    expect(first!.fields.institution!.map(nfc)).toEqual([body]);
    expect(first!.fields.year).toBe('2002');
    expect(second!.fields.author!.map((a) => [nfc(a.firstName!), nfc(a.lastName!)])).toEqual([
      ['José', 'Müller-Brontë'],
    ]);
    expect(first!.key).not.toBe(second!.key);
  });

  it('write RIS one tag a line with CRLF, never wrapping a value', () => {
    const long = `${'A very long title that goes on '.repeat(5)}and ends with café`;
    const ris = formatCitations(
      [publication({ title: long, datePrecision: 'MONTH', date: new Date('2002-03-01T00:00:00Z') })],
      'ris',
    );
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines).toContain(`TI  - ${long.trim()}`);
    expect(lines).toContain('DA  - 2002/03//');
    expect(lines).toContain('PB  - IOM International Organization for Migration');
    expect(lines.filter((l) => l !== '').every((l) => /^[A-Z][A-Z0-9]  - /.test(l))).toBe(true);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escape LaTeX by itself for names Citation.js leaves alone', () => {
    expect(latexEscape('Łódź {x} 50% ø é ç')).toBe("{\\L}{\\'o}d{\\'z} \\{x\\} 50\\% {\\o} {\\'e} {\\c c}");
  });
});
