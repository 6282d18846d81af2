import { describe, expect, it } from 'vitest';
import { parseRichText, toPlainText, type RichTextDoc } from '@/lib/rich-text/document';
import { parseBulletin } from './parse-bulletin';
import { readBulletin, valueAt, type BULLETINS } from './fixtures/fixtures';

/**
 * Every field of each test bulletin, field by field: what a careful editor would type from the text.
 * `undefined` means the text does not say it, so the proposal must leave it out (never guess).
 */
type Row = [path: string, expected: unknown];

const S = (i: number, j: number, rest: string) => `sections[${i}].items[${j}].${rest}`;

const expected: Record<keyof typeof BULLETINS, Row[]> = {
  summer2001: [
    ['issue.number', 22],
    ['issue.coverLabel', 'Summer 2001'],
    ['issue.coverDate', '2001-06-01'],
    ['standing.title', 'Trafficking in Migrants'],
    ['standing.subtitle', 'Quarterly Bulletin'],
    ['standing.publisher', 'IOM International Organization for Migration'],
    ['standing.postalAddress', 'International Organization for Migration, CP 71, CH-1211 Geneva 19'],
    ['standing.contactPhone', '+41.22.717 9111'],
    ['standing.contactEmail', 'trafficking@iom.int'],
    ['standing.webAddress', 'https://www.iom.int'],
    ['standing.reproductionNotice', 'Reproduction of any part of this bulletin requires written permission from IOM.'],
    ['sections.length', 5],
    ['sections[0].title', 'Lead'],
    ['sections[0].acceptsKind', 'ARTICLE'],
    ['sections[1].title', 'Meetings and Policy'],
    ['sections[1].heading', 'MEETINGS AND POLICY'],
    ['sections[2].title', 'New Publications'],
    ['sections[2].heading', 'NEW IOM PUBLICATIONS'],
    ['sections[3].title', 'Other Publications'],
    ['sections[4].title', 'Information Exchange'],
    [S(0, 0, 'kind'), 'ARTICLE'],
    [S(0, 0, 'title'), 'Shelters at the Crossroads: Who Pays for Safe Return?'],
    [S(0, 0, 'standfirst'), undefined],
    ['sections[1].items.length', 3],
    [S(1, 0, 'kind'), 'MEETING_REPORT'],
    [S(1, 0, 'title'), 'Regional Workshop on Return and Reintegration'],
    [
      S(1, 0, 'standfirst'),
      'The Regional Workshop on the Return and Reintegration of Trafficked Persons took place in Chisinau, Moldova from 14 to 16 May 2001.',
    ],
    [S(1, 0, 'meeting.name'), 'Regional Workshop on the Return and Reintegration of Trafficked Persons'],
    [S(1, 0, 'meeting.startDate'), '2001-05-14'],
    [S(1, 0, 'meeting.endDate'), '2001-05-16'],
    [S(1, 0, 'meeting.datePrecision'), 'DAY'],
    [S(1, 0, 'meeting.city'), 'Chisinau'],
    [S(1, 0, 'meeting.country'), 'Moldova'],
    [S(1, 0, 'meeting.organisers'), 'IOM Chisinau and the OSCE Mission to Moldova'],
    [S(1, 1, 'title'), 'Mekong Sub-regional Consultation'],
    [S(1, 1, 'meeting.name'), 'Mekong Sub-regional Consultation on Trafficking in Children'],
    [S(1, 1, 'meeting.startDate'), '2001-04-03'],
    [S(1, 1, 'meeting.endDate'), '2001-04-04'],
    [S(1, 1, 'meeting.datePrecision'), 'DAY'],
    [S(1, 1, 'meeting.city'), 'Bangkok'],
    [S(1, 1, 'meeting.country'), 'Thailand'],
    [S(1, 1, 'meeting.organisers'), 'Royal Thai Government'],
    [S(1, 2, 'title'), 'Inter-Parliamentary Hearing on Forced Labour'],
    [S(1, 2, 'meeting.name'), 'Inter-Parliamentary Hearing on Forced Labour and Trafficking'],
    [S(1, 2, 'meeting.startDate'), '2001-11-01'],
    [S(1, 2, 'meeting.endDate'), undefined],
    [S(1, 2, 'meeting.datePrecision'), 'MONTH'],
    [S(1, 2, 'meeting.city'), undefined],
    [S(1, 2, 'meeting.country'), undefined],
    [S(1, 2, 'meeting.organisers'), undefined],
    [S(2, 0, 'kind'), 'PUBLICATION_REVIEW'],
    [S(2, 0, 'title'), 'Migrant Trafficking and Shelter Needs in the Baltic States'],
    [S(2, 0, 'publication.title'), 'Migrant Trafficking and Shelter Needs in the Baltic States'],
    [S(2, 0, 'publication.issuingBody'), 'IOM'],
    [S(2, 0, 'publication.kind'), 'RESEARCH_REPORT'],
    [S(2, 0, 'publication.date'), undefined],
    [S(2, 0, 'publication.availability'), undefined],
    [S(2, 1, 'title'), 'Guidelines for Hotline Counsellors'],
    [S(2, 1, 'publication.issuingBody'), 'IOM'],
    [S(2, 1, 'publication.year'), 2001],
    [S(2, 1, 'publication.date'), '2001-01-01'],
    [S(2, 1, 'publication.datePrecision'), 'YEAR'],
    [S(2, 1, 'publication.kind'), 'MANUAL'],
    // "To be released" stands between the two reviews: it heads the second (docs/import.md).
    [S(2, 1, 'publication.availability'), 'FORTHCOMING'],
    [S(3, 0, 'title'), 'Annual Review of Irregular Migration to Southern Europe'],
    [S(3, 0, 'publication.issuingBody'), 'Europol'],
    [S(3, 0, 'publication.year'), 2001],
    [S(3, 0, 'publication.date'), '2001-06-01'],
    [S(3, 0, 'publication.datePrecision'), 'MONTH'],
    [S(3, 0, 'publication.kind'), undefined],
    [S(4, 0, 'kind'), 'ARTICLE'],
    [S(4, 0, 'title'), 'Information Exchange'],
    [S(4, 0, 'standing'), true],
  ],
  autumn2001: [
    ['issue.number', 23],
    ['issue.coverLabel', 'Autumn 2001'],
    ['issue.coverDate', '2001-09-01'],
    ['standing.title', 'Trafficking in Migrants'],
    ['standing.postalAddress', undefined],
    [
      'standing.reproductionNotice',
      'Reproduction of this bulletin, whole or in part, requires the prior permission of IOM.',
    ],
    ['sections.length', 5],
    ['sections[0].title', 'Lead'],
    ['sections[1].title', 'Meetings and Policy'],
    ['sections[1].heading', 'MEETINGS'],
    ['sections[2].title', 'New Publications'],
    ['sections[3].title', 'News from the Regions'],
    ['sections[3].fromTemplate', false],
    ['sections[3].acceptsKind', null],
    ['sections[4].title', 'Information Exchange'],
    [S(0, 0, 'title'), 'When a Job Offer Is the Bait'],
    [S(1, 0, 'title'), 'Hotline Workers Meet in Riga'],
    [S(1, 0, 'meeting.name'), 'Nordic-Baltic Hotline Forum'],
    [S(1, 0, 'meeting.startDate'), '2001-11-28'],
    [S(1, 0, 'meeting.endDate'), '2001-12-01'],
    [S(1, 0, 'meeting.datePrecision'), 'DAY'],
    [S(1, 0, 'meeting.city'), 'Riga'],
    [S(1, 0, 'meeting.country'), 'Latvia'],
    [S(1, 0, 'meeting.organisers'), 'Nordic Council of Ministers'],
    [S(1, 1, 'title'), "Judges' Seminar on Victim Testimony"],
    [S(1, 1, 'meeting.name'), 'Seminar on the Testimony of Trafficked Persons in Criminal Proceedings'],
    [S(1, 1, 'meeting.startDate'), '2001-10-30'],
    [S(1, 1, 'meeting.endDate'), '2001-10-30'],
    [S(1, 1, 'meeting.city'), 'Vienna'],
    [S(1, 1, 'meeting.country'), undefined],
    [S(2, 0, 'title'), 'Recruitment Agencies and the Law'],
    [S(2, 0, 'publication.authors'), 'Anna Kowalska and Peter Lindqvist'],
    [S(2, 0, 'publication.issuingBody'), 'IOM'],
    [S(2, 0, 'publication.date'), undefined],
    [S(2, 1, 'title'), 'Refugee Women at Risk'],
    [S(2, 1, 'publication.issuingBody'), 'UNHCR'],
    [S(2, 1, 'publication.date'), '2001-09-01'],
    [S(2, 1, 'publication.datePrecision'), 'MONTH'],
    [S(3, 0, 'kind'), 'ARTICLE'],
    [S(3, 0, 'title'), 'New Law in Poland'],
    [S(3, 0, 'tags'), [{ kind: 'COUNTRY', name: 'Poland' }]],
    [S(3, 1, 'title'), 'Shelter Opens in Tirana'],
    [S(4, 0, 'standing'), true],
  ],
  winter2001: [
    ['issue.number', 24],
    ['issue.coverLabel', 'Winter 2001'],
    ['issue.coverDate', '2001-12-01'],
    ['standing.contactPhone', '+41.22.717 9111'],
    ['standing.webAddress', undefined],
    [
      'standing.disclaimer',
      'This bulletin collects reports from the media, from governments and from international and non-governmental organisations. Although we value the reputation of our sources, we cannot check the accuracy of each report ourselves, and IOM does not necessarily agree with the views or decisions reported.',
    ],
    ['sections.length', 4],
    ['sections[1].title', 'Meetings and Policy'],
    ['sections[2].title', 'Other Publications'],
    [S(0, 0, 'title'), 'Visas for Victims: A Year of New Laws'],
    [S(1, 0, 'title'), 'Ministerial Conference in Brussels'],
    [S(1, 0, 'meeting.name'), 'Ministerial Conference on Trafficking in Human Beings'],
    [S(1, 0, 'meeting.startDate'), '2001-12-10'],
    [S(1, 0, 'meeting.endDate'), '2001-12-12'],
    [S(1, 0, 'meeting.city'), 'Brussels'],
    [S(1, 0, 'meeting.country'), 'Belgium'],
    [S(1, 0, 'meeting.organisers'), 'Belgian Presidency of the European Union'],
    [S(1, 1, 'title'), 'West African Compact'],
    [S(1, 1, 'meeting.name'), 'Compact against Child Trafficking in West Africa'],
    [S(1, 1, 'meeting.startDate'), '2001-12-01'],
    [S(1, 1, 'meeting.datePrecision'), 'MONTH'],
    [S(1, 1, 'meeting.city'), undefined],
    [S(2, 0, 'title'), 'Trafficking in Persons Report'],
    [S(2, 0, 'publication.issuingBody'), 'US Department of State'],
    [S(2, 0, 'publication.date'), '2001-07-01'],
    [S(2, 0, 'publication.datePrecision'), 'MONTH'],
    [S(2, 1, 'title'), 'Action Against Trafficking'],
    [S(2, 1, 'publication.issuingBody'), 'Council of Europe'],
    [S(2, 1, 'publication.year'), 2001],
    [S(2, 1, 'publication.datePrecision'), 'YEAR'],
    [S(3, 0, 'title'), 'Information Exchange'],
  ],
};

const plain = (doc: RichTextDoc) => toPlainText(doc);

describe('the test bulletins, field by field', () => {
  for (const [name, rows] of Object.entries(expected) as [keyof typeof BULLETINS, Row[]][]) {
    const proposal = parseBulletin(readBulletin(name));
    for (const [path, value] of rows) {
      it(`${name}: ${path}`, () => {
        expect(valueAt(proposal, path)).toEqual(value);
      });
    }
    it(`${name}: every body passes the rich-text validator`, () => {
      for (const s of proposal.sections)
        for (const item of s.items) expect(parseRichText(item.body)).toMatchObject({ ok: true });
    });
    it(`${name}: every flag points at a field of the proposal's shape`, () => {
      for (const f of proposal.flags) expect(f.path).toMatch(/^(issue|sections|standing)/);
    });
  }
});

describe('the bodies of the test bulletins', () => {
  const summer = parseBulletin(readBulletin('summer2001'));
  const autumn = parseBulletin(readBulletin('autumn2001'));
  const winter = parseBulletin(readBulletin('winter2001'));

  it('re-join a paragraph cut by a page break and repair the hyphenation across it', () => {
    const lead = plain(summer.sections[0]!.items[0]!.body);
    expect(lead).toContain('has risen in most countries of destination');
    expect(lead).toContain('a regional programme from next year');
    expect(plain(autumn.sections[0]!.items[0]!.body)).toContain('Labour investigators say');
    expect(plain(winter.sections[0]!.items[0]!.body)).toContain('over. However, the laws');
  });

  it('drop page numbers and running heads between the halves of a paragraph', () => {
    const lead = plain(winter.sections[0]!.items[0]!.body);
    expect(lead).not.toContain('N° 24');
    expect(lead.split('\n\n')).not.toContain('3');
  });

  it('keep lists as lists, with an entry cut by a page break joined again', () => {
    const workshop = summer.sections[1]!.items[0]!.body;
    expect(workshop.content.map((n) => n.type)).toEqual(['paragraph', 'bulletList', 'paragraph']);
    const mekong = summer.sections[1]!.items[1]!.body;
    const list = mekong.content.find((n) => n.type === 'orderedList');
    expect(list && 'content' in list ? list.content.length : 0).toBe(3);
    expect(plain(mekong)).toContain('a guardian named before the journey begins');
    const brussels = winter.sections[1]!.items[0]!.body;
    const bullets = brussels.content.find((n) => n.type === 'bulletList');
    expect(bullets && 'content' in bullets ? bullets.content.length : 0).toBe(3);
    expect(plain(brussels)).toContain('through the existing channels of the European police office');
  });

  it('keep bold and italics, turn a short line between paragraphs into a subheading, and keep safe links', () => {
    const riga = autumn.sections[1]!.items[0]!;
    expect(JSON.stringify(riga.body)).toContain('"text":"ad hoc","marks":[{"type":"italic"}]');
    const lead = summer.sections[0]!.items[0]!.body;
    expect(lead.content).toContainEqual({
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: 'Funding in the year ahead' }],
    });
    const seminar = JSON.stringify(autumn.sections[1]!.items[1]!.body);
    expect(seminar).toContain('"href":"https://example.org/seminar-2001"');
    const hearing = JSON.stringify(summer.sections[1]!.items[2]!.body);
    expect(hearing).toContain(
      '"text":"Inter-Parliamentary Hearing on Forced Labour and Trafficking","marks":[{"type":"bold"}]',
    );
  });

  it('keep the address block and the reproduction notice out of the Information Exchange text', () => {
    const info = plain(summer.sections[4]!.items[0]!.body);
    expect(info).not.toContain('CP 71');
    expect(info).not.toContain('Reproduction');
    expect(info).toContain('Networking column');
  });

  it('flag what is missing or doubtful, with its path', () => {
    const paths = (p: typeof summer) => p.flags.map((f) => `${f.path}: ${f.message}`);
    expect(paths(summer)).toContain('sections[1].items[2].meeting.city: no city found');
    expect(paths(summer)).toContain('sections[2].items[0].publication.date: no date or year found');
    expect(
      paths(summer).some((f) => f.startsWith('sections[2].items[1].publication.availability: “To be released”')),
    ).toBe(true);
    expect(paths(autumn)).toContain(
      'sections[1].items[1].meeting.startDate: two dates found: 2001-10-30 and 2001-11-06; the first is proposed',
    );
    expect(paths(autumn)).toContain(
      'sections[3].title: “NEWS FROM THE REGIONS” is not a section of the template: a new section is proposed',
    );
  });
});
