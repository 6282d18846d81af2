import { describe, expect, it } from 'vitest';
import { coverDateOf, scanDates, wholeDate } from './dates';
import { findPlaces, countryNamed } from './places';
import { availabilityLine, canonicalBody, readPublicationLine } from './publication-lines';
import { extractMeeting } from './meeting-fields';
import { parseInline } from './inline';
import { matchSection } from './section-match';
import { isCapitalsLine, normaliseText, titleCase } from './text';
import { parseBulletin, readNumberLine } from './parse-bulletin';
import { DEFAULT_SECTION_TEMPLATE } from '@/lib/settings/section-template';
import { toPlainText } from '@/lib/rich-text/document';

describe('dates as bulletins spell them', () => {
  const cases: [string, object][] = [
    ['26 to 28 February 2002', { startDate: '2002-02-26', endDate: '2002-02-28', precision: 'DAY' }],
    ['22-23 February 2002', { startDate: '2002-02-22', endDate: '2002-02-23', precision: 'DAY' }],
    ['10–12 December 2001', { startDate: '2001-12-10', endDate: '2001-12-12', precision: 'DAY' }],
    ['28 November to 1 December 2001', { startDate: '2001-11-28', endDate: '2001-12-01', precision: 'DAY' }],
    ['30 December 2001 to 2 January 2002', { startDate: '2001-12-30', endDate: '2002-01-02', precision: 'DAY' }],
    ['11 March 2002', { startDate: '2002-03-11', precision: 'DAY' }],
    ['1st June 2002', { startDate: '2002-06-01', precision: 'DAY' }],
    ['March 2, 2002', { startDate: '2002-03-02', precision: 'DAY' }],
    ['May 14-16, 2001', { startDate: '2001-05-14', endDate: '2001-05-16', precision: 'DAY' }],
    ['in January 2002', { startDate: '2002-01-01', precision: 'MONTH' }],
    ['September 2002', { startDate: '2002-09-01', precision: 'MONTH' }],
    ['Sept. 2002', { startDate: '2002-09-01', precision: 'MONTH' }],
    ['March and April 2001', { startDate: '2001-03-01', endDate: '2001-04-01', precision: 'MONTH' }],
    ['2002-02-26', { startDate: '2002-02-26', precision: 'DAY' }],
  ];
  for (const [text, want] of cases)
    it(`"${text}"`, () => {
      expect(wholeDate(text)).toMatchObject(want);
    });

  it('finds every date of a sentence in order, with its place in the text', () => {
    const s = 'It met on 30 October 2001 and again on 6 November 2001.';
    const found = scanDates(s);
    expect(found.map((f) => f.startDate)).toEqual(['2001-10-30', '2001-11-06']);
    expect(s.slice(found[0]!.start, found[0]!.end)).toBe('30 October 2001');
  });

  it('refuses impossible dates and words that only look like months', () => {
    expect(wholeDate('31 February 2002')).toBeNull();
    expect(scanDates('Governments may act in 2002.')).toEqual([]);
    expect(scanDates('The 2001 report', {})).toEqual([]);
    expect(scanDates('IOM 2001', { yearsAlone: true })[0]).toMatchObject({
      startDate: '2001-01-01',
      precision: 'YEAR',
    });
  });

  it('derives a cover date from a season or a month', () => {
    expect(coverDateOf('Spring 2002')).toBe('2002-03-01');
    expect(coverDateOf('Summer 2001')).toBe('2001-06-01');
    expect(coverDateOf('Autumn 2001')).toBe('2001-09-01');
    expect(coverDateOf('Fall 2001')).toBe('2001-09-01');
    expect(coverDateOf('Winter 2001')).toBe('2001-12-01');
    expect(coverDateOf('March 2002')).toBe('2002-03-01');
    expect(coverDateOf('Special issue')).toBeNull();
  });

  it('reads the masthead number line', () => {
    expect(readNumberLine('N° 25 – Spring 2002')).toEqual({ number: 25, label: 'Spring 2002' });
    expect(readNumberLine('Nº 7, Winter 1999')).toEqual({ number: 7, label: 'Winter 1999' });
    expect(readNumberLine('No. 12: Summer 2000')).toEqual({ number: 12, label: 'Summer 2000' });
    expect(readNumberLine('**N° 3**')).toEqual({ number: 3, label: '' });
    expect(readNumberLine('Nothing to see')).toBeNull();
  });
});

describe('places', () => {
  const cases: [string, object[]][] = [
    [
      'The conference was held in Bali, Indonesia from 26 to 28 February 2002.',
      [{ city: 'Bali', country: 'Indonesia' }],
    ],
    ['The symposium was held in Turin, Italy, on 22-23 February 2002.', [{ city: 'Turin', country: 'Italy' }]],
    ['It was held in London on 11 March 2002.', [{ city: 'London' }]],
    ['Officials met in Bangkok, Thailand, on 3 April.', [{ city: 'Bangkok', country: 'Thailand' }]],
    ['The workshop took place in Indonesia last year.', [{ country: 'Indonesia' }]],
    ['The seminar was held in Rio de Janeiro, Brazil.', [{ city: 'Rio de Janeiro', country: 'Brazil' }]],
    ['It is scheduled to be held in September 2002.', []],
    ['Delegates in Member States agreed.', []],
    ['A meeting in the UK, in May.', [{ country: 'United Kingdom' }]],
  ];
  for (const [text, want] of cases)
    it(`"${text}"`, () => {
      expect(findPlaces(text)).toEqual(want);
    });

  it('knows countries by their usual variants', () => {
    expect(countryNamed('the Netherlands')).toBe('Netherlands');
    expect(countryNamed('Russia')).toBe('Russian Federation');
    expect(countryNamed('Vietnam')).toBe('Viet Nam');
    expect(countryNamed('Atlantis')).toBeNull();
  });
});

describe('issuing bodies, authors, kinds and availability under a publication heading', () => {
  const cases: [string, object | null][] = [
    ['IOM 2001', { issuingBody: 'IOM', date: { startDate: '2001-01-01', precision: 'YEAR', year: 2001 } }],
    ['EUROPOL, October 2001', { issuingBody: 'Europol', date: { startDate: '2001-10-01', precision: 'MONTH' } }],
    ['US State Dept., March 2002', { issuingBody: 'US Department of State', date: { startDate: '2002-03-01' } }],
    ['US State Dept. , March 2002', { issuingBody: 'US Department of State', date: { startDate: '2002-03-01' } }],
    ['U.S. Department of State, 2 March 2002', { issuingBody: 'US Department of State', date: { precision: 'DAY' } }],
    ['IOM Research Report', { issuingBody: 'IOM', kind: 'RESEARCH_REPORT' }],
    ['By Donna M. Hughes for IOM', { authors: 'Donna M. Hughes', issuingBody: 'IOM' }],
    [
      'By Anna Kowalska and Peter Lindqvist for IOM',
      { authors: 'Anna Kowalska and Peter Lindqvist', issuingBody: 'IOM' },
    ],
    ['UNHCR, September 2001', { issuingBody: 'UNHCR', date: { startDate: '2001-09-01' } }],
    ['Council of Europe, 2001', { issuingBody: 'Council of Europe', date: { year: 2001 } }],
    ['IOM Dhaka 2002', { issuingBody: 'IOM Dhaka', date: { year: 2002 } }],
    ['To be released', { availability: 'FORTHCOMING' }],
    ['TO BE RELEASED', { availability: 'FORTHCOMING' }],
    ['This report presents the results of a set of surveys.', null],
  ];
  for (const [line, want] of cases)
    it(`"${line}"`, () => {
      const got = readPublicationLine(line);
      if (want === null) expect(got).toBeNull();
      else expect(got).toMatchObject(want);
    });

  it('files bodies under one name and keeps unknown ones as written', () => {
    expect(canonicalBody('EUROPOL')).toBe('Europol');
    expect(canonicalBody('International Organization for Migration')).toBe('IOM');
    expect(canonicalBody('WomenAid  International')).toBe('WomenAid International');
    expect(availabilityLine('Forthcoming')).toBe('FORTHCOMING');
    expect(availabilityLine('To be released in the spring of next year, we hope')).toBeNull();
  });
});

describe('a meeting report’s facts', () => {
  const meeting = (...paragraphs: string[]) => extractMeeting(paragraphs.map((p) => parseInline(p)));

  it('splits a date off the end of a bold name', () => {
    const { meeting: m } = meeting(
      'Member States signed the **Convention on Preventing Trafficking in Women and Children in January 2002**.',
    );
    expect(m).toMatchObject({
      name: 'Convention on Preventing Trafficking in Women and Children',
      startDate: '2002-01-01',
    });
    expect(m.datePrecision).toBe('MONTH');
  });

  it('finds organisers before and after the verb', () => {
    expect(
      meeting(
        'The **Forum on Shelters** was held in Oslo on **2 May 2002**. It was organized by WomenAid International, and was the first.',
      ).meeting.organisers,
    ).toBe('WomenAid International');
    expect(
      meeting(
        'UNICRI and the ILO recently co-organized an **International Symposium on Crime**, held in Turin, Italy, on **22-23 February 2002**.',
      ).meeting.organisers,
    ).toBe('UNICRI and the ILO');
    expect(
      meeting('The **Regional Forum on Return** was hosted by UNHCR, IOM and the ILO in Geneva on **4 June 2002**.')
        .meeting.organisers,
    ).toBe('UNHCR, IOM and the ILO');
  });

  it('reports two bold dates and a missing place', () => {
    const found = meeting('The **Seminar on Testimony** met on **30 October 2001** and on **6 November 2001**.');
    expect(found.meeting.startDate).toBe('2001-10-30');
    expect(found.problems.map((p) => p.message)).toContain(
      'two dates found: 2001-10-30 and 2001-11-06; the first is proposed',
    );
    expect(found.problems.map((p) => p.message)).toContain('no city found');
  });

  it('leaves out the name when nothing is in bold', () => {
    const found = meeting('Delegates met in Geneva on 4 June 2002 to talk.');
    expect(found.meeting.name).toBeUndefined();
    expect(found.meeting).toMatchObject({ city: 'Geneva', startDate: '2002-06-04' });
  });
});

describe('headings', () => {
  it('tells capitals from ordinary text', () => {
    expect(isCapitalsLine('MEETINGS AND POLICY')).toBe(true);
    expect(isCapitalsLine('UK ANTI-TRAFFICKING NETWORK [UKAT] CONFERENCE')).toBe(true);
    expect(isCapitalsLine('MEETINGS')).toBe(true);
    expect(isCapitalsLine('IOM 2001')).toBe(false);
    expect(isCapitalsLine('IOM Research Report')).toBe(false);
  });

  it('writes capitals in title case, keeping acronyms the text prints in capitals', () => {
    expect(titleCase('COMBATING TRAFFICKING IN WOMEN IN UKRAINE')).toBe('Combating Trafficking in Women in Ukraine');
    expect(titleCase('SAARC CONVENTION', new Set(['SAARC']))).toBe('SAARC Convention');
    expect(titleCase('EU-IOM STOP CONFERENCE', new Set(['STOP']))).toBe('EU-IOM STOP Conference');
    expect(titleCase('TEMPORARY PERMITS: A NEW WAY?')).toBe('Temporary Permits: A New Way?');
    expect(titleCase('UK ANTI-TRAFFICKING NETWORK [UKAT] CONFERENCE')).toBe(
      'UK Anti-Trafficking Network [UKAT] Conference',
    );
  });

  it('matches headings to the section template', () => {
    const t = DEFAULT_SECTION_TEMPLATE;
    expect(matchSection('NEW IOM PUBLICATIONS', t)?.entry.title).toBe('New Publications');
    expect(matchSection('OTHER PUBLICATIONS', t)?.entry.title).toBe('Other Publications');
    expect(matchSection('MEETINGS', t)?.entry.title).toBe('Meetings and Policy');
    expect(matchSection('INFORMATION EXCHANGE', t)?.entry.title).toBe('Information Exchange');
    expect(matchSection('NEWS FROM THE REGIONS', t)).toBeNull();
    expect(matchSection('PUBLICATIONS', t)).toMatchObject({
      entry: { title: 'New Publications' },
      ambiguousWith: { title: 'Other Publications' },
    });
  });
});

describe('page-break repair', () => {
  // The item's whole text: a short first paragraph becomes the standfirst, the rest the body.
  const body = (text: string) => {
    const item = parseBulletin(`HEADING OF AN ITEM\n\n${text}`).sections[0]!.items[0]!;
    return [item.standfirst, toPlainText(item.body)].filter(Boolean).join('\n\n');
  };
  const long = 'The council has been working with several governments and partners in';

  it('joins a paragraph cut by blank lines when the second half starts in lower case', () => {
    expect(body(`${long}\n\n\nthe region for some years now.`)).toBe(`${long} the region for some years now.`);
  });
  it('joins after a word that cannot end a sentence, even before a capital', () => {
    expect(body(`${long}\n\nCounter-Trafficking of Women and Children.`)).toBe(
      `${long} Counter-Trafficking of Women and Children.`,
    );
  });
  it('repairs a word hyphenated across the break', () => {
    expect(body('IOM has been cooperating with the Council in or-\n\nganizing a seminar.')).toBe(
      'IOM has been cooperating with the Council in organizing a seminar.',
    );
    expect(body('Much has changed over the years. How-\n\never, not everything.')).toBe(
      'Much has changed over the years. However, not everything.',
    );
  });
  it('keeps a real hyphen the document uses elsewhere', () => {
    expect(body('Support for counter-trafficking work and for the counter-\n\ntrafficking units.')).toBe(
      'Support for counter-trafficking work and for the counter-trafficking units.',
    );
  });
  it('joins wrapped lines inside a paragraph', () => {
    expect(body('This paragraph was wrapped\nat a short width by the\nprogram that extracted it.')).toBe(
      'This paragraph was wrapped at a short width by the program that extracted it.',
    );
  });
  it('leaves two whole paragraphs apart', () => {
    expect(body('One full sentence ends here with a stop.\n\nAnother one begins here.')).toBe(
      'One full sentence ends here with a stop.\n\nAnother one begins here.',
    );
  });
});

describe('normalising text', () => {
  it('makes line ends, spaces and invisible characters uniform', () => {
    expect(normaliseText('a\r\nb\rc\u000cd')).toBe('a\nb\nc\n\nd');
    expect(normaliseText('x\u00a0y\tz')).toBe('x y z');
    expect(normaliseText('ab\u00adc\u200b\u202e\u0007')).toBe('abc');
    expect(normaliseText('e\u0301')).toBe('é');
  });
});
