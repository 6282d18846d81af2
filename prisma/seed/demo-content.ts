/**
 * Demo content for Quire: the texts and records that prisma/seed/demo.ts writes.
 *
 * N° 25 (Spring 2002) follows the structure and facts of a real issue of the IOM bulletin
 * "Trafficking in Migrants"; every summary below is written afresh for Quire. N° 26 (Summer 2002) is
 * fictional work in progress: its items are never published, and their titles appear nowhere in N° 25.
 *
 * Everything here is data. Ids are fixed and readable so that the seed can be run again and again.
 */
import type { RichTextDoc, RichTextNode } from '@/lib/rich-text/document';
import type {
  Availability,
  ContributionKind,
  DatePrecision,
  IssueState,
  ItemKind,
  ItemState,
  PublicationKind,
  Role,
  TagKind,
} from '@/generated/prisma/enums';

// ---------------------------------------------------------------------------------------------
// Rich-text builders (only the nodes and marks lib/rich-text/document.ts accepts)
// ---------------------------------------------------------------------------------------------

type Inline = string | RichTextNode;

const inline = (parts: Inline[]): RichTextNode[] =>
  parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part));
const p = (...parts: Inline[]): RichTextNode => ({ type: 'paragraph', content: inline(parts) });
const h3 = (text: string): RichTextNode => ({
  type: 'heading',
  attrs: { level: 3 },
  content: [{ type: 'text', text }],
});
const em = (text: string): RichTextNode => ({ type: 'text', text, marks: [{ type: 'italic' }] });
const strong = (text: string): RichTextNode => ({ type: 'text', text, marks: [{ type: 'bold' }] });
const link = (text: string, href: string): RichTextNode => ({
  type: 'text',
  text,
  marks: [{ type: 'link', attrs: { href } }],
});
const bullets = (...items: Inline[][]): RichTextNode => ({
  type: 'bulletList',
  content: items.map((parts) => ({ type: 'listItem', content: [p(...parts)] })),
});
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** ISO calendar date, e.g. '2002-02-26' (stored in @db.Date columns as UTC midnight). */
export type IsoDate = `${number}-${number}-${number}`;
/** ISO timestamp in UTC, e.g. '2002-04-02T09:00:00.000Z'. */
export type IsoTimestamp = `${IsoDate}T${string}Z`;

export type DemoUserKey = 'admin' | 'editor' | 'contributor';

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: IsoTimestamp;
}

export interface DemoSettings {
  title: string;
  subtitle: string;
  publisher: string;
  postalAddress: string;
  contactEmail: string;
  contactPhone: string;
  webAddress: string;
  issn: string;
  disclaimer: string;
  reproductionNotice: string;
}

export type DemoSectionKey = 'lead' | 'meetings' | 'new-publications' | 'other-publications' | 'information-exchange';

export interface DemoSection {
  key: DemoSectionKey;
  title: string;
  acceptsKind: ItemKind | null;
}

export interface DemoTag {
  kind: TagKind;
  name: string;
}

export interface DemoMeeting {
  id: string;
  name: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  datePrecision: DatePrecision;
  city: string;
  country: string;
  organisers: string;
  participants: string;
  url: string | null;
}

export interface DemoPublication {
  id: string;
  title: string;
  authors: string;
  issuingBody: string;
  date: IsoDate | null;
  datePrecision: DatePrecision;
  kind: PublicationKind;
  availability: Availability;
  url: string | null;
  isbn: string | null;
}

export interface DemoSource {
  name: string;
  url?: string | null;
  date?: IsoDate | null;
}

export interface DemoComment {
  id: string;
  author: DemoUserKey;
  body: string;
  /** Must be a passage of the item's plain text. */
  quote: string | null;
  createdAt: IsoTimestamp;
}

export interface DemoItem {
  id: string;
  kind: ItemKind;
  section: DemoSectionKey;
  title: string;
  slug: string;
  standfirst: string;
  body: RichTextDoc;
  state: ItemState;
  author: DemoUserKey;
  meeting?: DemoMeetingKey;
  publication?: DemoPublicationKey;
  sources: DemoSource[];
  tags: DemoTagKey[];
  comments?: DemoComment[];
  /** When the item (and its first revision) was created. */
  createdAt: IsoTimestamp;
}

export interface DemoIssue {
  id: string;
  number: number;
  coverLabel: string;
  coverDate: IsoDate;
  state: IssueState;
  /** Also every item's publishedAt when the issue is published. */
  publishedAt: IsoTimestamp | null;
  createdAt: IsoTimestamp;
  /** In section order; positions within a section follow the array order. */
  items: DemoItem[];
}

export interface DemoContribution {
  id: string;
  name: string;
  email: string;
  organisation: string;
  kind: ContributionKind;
  reference: string;
  subject: string;
  message: string;
  consent: boolean;
  createdAt: IsoTimestamp;
}

// ---------------------------------------------------------------------------------------------
// Publication settings, people, sections
// ---------------------------------------------------------------------------------------------

export const DEMO_PASSWORD = 'quire-demo-2002';

export const DEMO_SETTINGS: DemoSettings = {
  title: 'Trafficking in Migrants',
  subtitle: 'Quarterly Bulletin',
  publisher: 'IOM International Organization for Migration',
  postalAddress: '17 route des Morillons, CP 71, CH-1211 Geneva 19, Switzerland',
  contactEmail: 'trafficking@iom.int',
  contactPhone: '+41 22 717 9111',
  webAddress: 'https://www.iom.int',
  issn: '',
  disclaimer:
    'This bulletin brings together reports from the press, from governments and from intergovernmental and ' +
    'non-governmental organisations. We choose our sources with care but cannot check every report ourselves, ' +
    'and the views and decisions reported here are not necessarily shared by IOM.',
  reproductionNotice:
    'No part of this bulletin may be reproduced, in whole or in part, without the prior permission of IOM.',
};

export const DEMO_USERS: Record<DemoUserKey, DemoUser> = {
  admin: {
    id: 'demo-user-admin',
    email: 'admin@quire.test',
    name: 'Ada Adeyemi',
    role: 'ADMIN',
    createdAt: '2002-01-07T09:00:00.000Z',
  },
  editor: {
    id: 'demo-user-editor',
    email: 'editor@quire.test',
    name: 'Edith Marlowe',
    role: 'EDITOR',
    createdAt: '2002-01-07T09:05:00.000Z',
  },
  contributor: {
    id: 'demo-user-contributor',
    email: 'contributor@quire.test',
    name: 'Colin Baptiste',
    role: 'CONTRIBUTOR',
    createdAt: '2002-01-07T09:10:00.000Z',
  },
};

/**
 * The bulletin's standing sections. "Meetings and Policy" carries meeting reports and policy articles
 * (the SAARC Convention) side by side, and "Information Exchange" may take any kind of contribution,
 * so neither is restricted.
 */
export const DEMO_SECTIONS: DemoSection[] = [
  { key: 'lead', title: 'Lead', acceptsKind: 'ARTICLE' },
  { key: 'meetings', title: 'Meetings and Policy', acceptsKind: null },
  { key: 'new-publications', title: 'New Publications', acceptsKind: 'PUBLICATION_REVIEW' },
  { key: 'other-publications', title: 'Other Publications', acceptsKind: 'PUBLICATION_REVIEW' },
  { key: 'information-exchange', title: 'Information Exchange', acceptsKind: null },
];

// ---------------------------------------------------------------------------------------------
// Tags (upserted by kind and slug; the slug is derived from the name)
// ---------------------------------------------------------------------------------------------

export const DEMO_TAGS = {
  // Countries and territories
  albania: { kind: 'COUNTRY', name: 'Albania' },
  australia: { kind: 'COUNTRY', name: 'Australia' },
  bangladesh: { kind: 'COUNTRY', name: 'Bangladesh' },
  belgium: { kind: 'COUNTRY', name: 'Belgium' },
  bhutan: { kind: 'COUNTRY', name: 'Bhutan' },
  bosnia: { kind: 'COUNTRY', name: 'Bosnia and Herzegovina' },
  bulgaria: { kind: 'COUNTRY', name: 'Bulgaria' },
  france: { kind: 'COUNTRY', name: 'France' },
  india: { kind: 'COUNTRY', name: 'India' },
  indonesia: { kind: 'COUNTRY', name: 'Indonesia' },
  italy: { kind: 'COUNTRY', name: 'Italy' },
  lithuania: { kind: 'COUNTRY', name: 'Lithuania' },
  maldives: { kind: 'COUNTRY', name: 'Maldives' },
  moldova: { kind: 'COUNTRY', name: 'Moldova' },
  nepal: { kind: 'COUNTRY', name: 'Nepal' },
  newZealand: { kind: 'COUNTRY', name: 'New Zealand' },
  pakistan: { kind: 'COUNTRY', name: 'Pakistan' },
  romania: { kind: 'COUNTRY', name: 'Romania' },
  russia: { kind: 'COUNTRY', name: 'Russian Federation' },
  sriLanka: { kind: 'COUNTRY', name: 'Sri Lanka' },
  thailand: { kind: 'COUNTRY', name: 'Thailand' },
  ukraine: { kind: 'COUNTRY', name: 'Ukraine' },
  unitedKingdom: { kind: 'COUNTRY', name: 'United Kingdom' },
  unitedStates: { kind: 'COUNTRY', name: 'United States' },
  // Regions
  asiaPacific: { kind: 'REGION', name: 'Asia-Pacific' },
  balkans: { kind: 'REGION', name: 'Balkans' },
  balticSea: { kind: 'REGION', name: 'Baltic Sea' },
  easternEurope: { kind: 'REGION', name: 'Central and Eastern Europe' },
  europe: { kind: 'REGION', name: 'Europe' },
  europeanUnion: { kind: 'REGION', name: 'European Union' },
  northAmerica: { kind: 'REGION', name: 'North America' },
  southAsia: { kind: 'REGION', name: 'South Asia' },
  // Themes
  children: { kind: 'THEME', name: 'Children' },
  dataCollection: { kind: 'THEME', name: 'Data collection' },
  humanRights: { kind: 'THEME', name: 'Human rights' },
  informationExchange: { kind: 'THEME', name: 'Information exchange' },
  labourMigration: { kind: 'THEME', name: 'Labour migration' },
  lawEnforcement: { kind: 'THEME', name: 'Law enforcement' },
  legislation: { kind: 'THEME', name: 'Legislation' },
  nationalStrategy: { kind: 'THEME', name: 'National action plans' },
  organisedCrime: { kind: 'THEME', name: 'Organised crime' },
  regionalCooperation: { kind: 'THEME', name: 'Regional cooperation' },
  research: { kind: 'THEME', name: 'Research' },
  residencePermits: { kind: 'THEME', name: 'Residence permits' },
  returnReintegration: { kind: 'THEME', name: 'Return and reintegration' },
  sexualExploitation: { kind: 'THEME', name: 'Sexual exploitation' },
  smuggling: { kind: 'THEME', name: 'Smuggling' },
  training: { kind: 'THEME', name: 'Training' },
  victimProtection: { kind: 'THEME', name: 'Victim protection' },
} as const satisfies Record<string, DemoTag>;

export type DemoTagKey = keyof typeof DEMO_TAGS;

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

export const DEMO_MEETINGS = {
  bali: {
    id: 'demo-meeting-bali',
    name: 'Regional Ministerial Conference on People Smuggling, Trafficking in Persons and Related Transnational Crime',
    startDate: '2002-02-26',
    endDate: '2002-02-28',
    datePrecision: 'DAY',
    city: 'Bali',
    country: 'Indonesia',
    organisers: 'Governments of Indonesia and Australia (co-chairs)',
    participants: 'Ministers and officials of 37 Asia-Pacific countries, 15 observer countries, and IOM',
    url: null,
  },
  turin: {
    id: 'demo-meeting-turin',
    name: 'International Symposium on the UN Convention against Transnational Organized Crime: Requirements for Effective Implementation',
    startDate: '2002-02-22',
    endDate: '2002-02-23',
    datePrecision: 'DAY',
    city: 'Turin',
    country: 'Italy',
    organisers: 'UNICRI and the International Training Centre of the ILO',
    participants: 'Experts on organised crime and migration, among them the ILO',
    url: null,
  },
  stop: {
    id: 'demo-meeting-stop',
    name:
      'Conference on Prevention of and Fighting against Trafficking in Human Beings, with Particular Focus on ' +
      'Enhancing Co-operation in the Process to Enlarge the European Union',
    startDate: '2002-09-01',
    endDate: null,
    datePrecision: 'MONTH',
    city: '',
    country: '',
    organisers: 'European Union and IOM (prepared by IOM Brussels with EU Member States and institutions)',
    participants:
      'Officials of EU Member States, candidate and relevant third countries; national parliaments, the European ' +
      'Parliament, the Council of Europe, the European Commission, Europol, UN agencies and IOM',
    url: null,
  },
  ukat: {
    id: 'demo-meeting-ukat',
    name: 'UK Anti-Trafficking Network (UKAT) Conference: Combating Global Trafficking: Approaches, Strategies and Interventions',
    startDate: '2002-03-11',
    endDate: '2002-03-11',
    datePrecision: 'DAY',
    city: 'London',
    country: 'United Kingdom',
    organisers: 'WomenAid International',
    participants:
      'Dignitaries from European and African countries, senior officials of international organisations, the ' +
      'Metropolitan Police, the Royal Courts and academic experts',
    url: null,
  },
  // Fictional: only reported on in N° 26, which is still in production.
  vilnius: {
    id: 'demo-meeting-vilnius',
    name: 'Baltic Round Table on Shelter and Safe Return',
    startDate: '2002-05-23',
    endDate: '2002-05-24',
    datePrecision: 'DAY',
    city: 'Vilnius',
    country: 'Lithuania',
    organisers: 'Nordic-Baltic Shelter Forum',
    participants: 'Shelter staff, social workers and police liaison officers from the Baltic and Nordic states',
    url: null,
  },
} as const satisfies Record<string, DemoMeeting>;

export type DemoMeetingKey = keyof typeof DEMO_MEETINGS;

// ---------------------------------------------------------------------------------------------
// Publications
// ---------------------------------------------------------------------------------------------

export const DEMO_PUBLICATIONS = {
  ukraine: {
    id: 'demo-publication-ukraine',
    title: 'Combating Trafficking in Women in Ukraine',
    authors: '',
    issuingBody: 'IOM International Organization for Migration',
    date: null,
    datePrecision: 'YEAR',
    kind: 'RESEARCH_REPORT',
    availability: 'PUBLISHED',
    url: null,
    isbn: null,
  },
  balkans: {
    id: 'demo-publication-balkans',
    title: 'Victims of Trafficking in the Balkans',
    authors: '',
    issuingBody: 'IOM International Organization for Migration',
    date: '2001-01-01',
    datePrecision: 'YEAR',
    kind: 'RESEARCH_REPORT',
    availability: 'FORTHCOMING',
    url: null,
    isbn: null,
  },
  russia: {
    id: 'demo-publication-russia',
    title: 'Trafficking for Sexual Exploitation: Report on the Russian Federation',
    authors: 'Donna M. Hughes',
    issuingBody: 'IOM International Organization for Migration',
    date: null,
    datePrecision: 'YEAR',
    kind: 'COUNTRY_REPORT',
    availability: 'FORTHCOMING',
    url: null,
    isbn: null,
  },
  manual: {
    id: 'demo-publication-dhaka-manual',
    title: 'Training Manual on Combating Trafficking of Women and Children for Law Enforcement Agencies',
    authors: '',
    issuingBody: 'IOM Dhaka',
    date: '2002-01-01',
    datePrecision: 'YEAR',
    kind: 'MANUAL',
    availability: 'PUBLISHED',
    url: null,
    isbn: null,
  },
  europol: {
    id: 'demo-publication-europol',
    title: 'Crime Assessment: Trafficking of Human Beings into the European Union',
    authors: '',
    issuingBody: 'Europol',
    date: '2001-10-01',
    datePrecision: 'MONTH',
    kind: 'ASSESSMENT',
    availability: 'PUBLISHED',
    url: null,
    isbn: null,
  },
  stateDept: {
    id: 'demo-publication-country-reports',
    title: 'Country Reports on Human Rights Practices',
    authors: '',
    issuingBody: 'US Department of State',
    date: '2002-03-02',
    datePrecision: 'DAY',
    kind: 'COUNTRY_REPORT',
    availability: 'PUBLISHED',
    url: null,
    isbn: null,
  },
  // Fictional: reviewed only in N° 26.
  hotline: {
    id: 'demo-publication-hotline-handbook',
    title: 'Answering the Call: A Handbook for Counter-Trafficking Hotline Staff',
    authors: 'Marta Lindgren and Tomas Berzins',
    issuingBody: 'Safe Passage Network',
    date: '2002-05-01',
    datePrecision: 'MONTH',
    kind: 'MANUAL',
    availability: 'PUBLISHED',
    url: null,
    isbn: null,
  },
} as const satisfies Record<string, DemoPublication>;

export type DemoPublicationKey = keyof typeof DEMO_PUBLICATIONS;

// ---------------------------------------------------------------------------------------------
// N° 25, Spring 2002 (published)
// ---------------------------------------------------------------------------------------------

const ISSUE_25_PUBLISHED_AT: IsoTimestamp = '2002-04-02T09:00:00.000Z';
const ISSUE_25_WRITTEN_AT: IsoTimestamp = '2002-03-20T10:00:00.000Z';

const issue25Items: DemoItem[] = [
  // Lead
  {
    id: 'demo-item-25-residence-permits',
    kind: 'ARTICLE',
    section: 'lead',
    title: 'Temporary residence permits: a new way to protect trafficking victims?',
    slug: 'temporary-residence-permits',
    standfirst:
      'Governments in North America and Europe are turning to temporary residence as a way to protect trafficked people and bring traffickers to court.',
    body: doc(
      p(
        'In the United States, the Department of Justice has announced that it will shortly begin issuing ',
        strong('T visas'),
        ' to victims of severe forms of trafficking in persons. The visa allows a victim to stay in the country and help federal investigators and prosecutors build cases against traffickers. Victims who would face severe harm if sent home may be allowed to stay on, and after three years in T status they may apply for permanent residence. The aim is both to convict traffickers and to shield their victims from reprisals.',
      ),
      h3('The European debate'),
      p(
        'In Geneva, a Council of Europe meeting held with the Office of the UN High Commissioner for Human Rights considered drafting a European convention against trafficking in human beings for sexual exploitation, with a system to monitor the progress of member states. Much of the discussion was about protecting victims, for instance with a renewable temporary residence permit. Belgium and Italy already operate such schemes, and a European Commission proposal for a Council directive would make a short-term permit available throughout the European Union.',
      ),
      p(
        "The Commission's draft links the permit to cooperation: it would be granted where the authorities judge that the victim's presence helps an investigation or prosecution. Some participants, and NGOs in several European countries, would rather see permits granted on humanitarian grounds and kept until it is safe to go home, however much the victim helps the police. Participants agreed that respect for the rights of trafficked people has to come first in any policy against trafficking.",
      ),
      p(
        "The Council of Europe's anti-trafficking work is led by its Steering Committee for Equality between Women and Men. With IOM it organised a seminar in June 2001 on a coordinated action plan for South-Eastern Europe, which recommended national action plans throughout the region, and its Rapporteur's reports have advised member states on prevention in countries of origin and on protecting victims and prosecuting traffickers in countries of destination.",
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    sources: [
      { name: 'US Department of Justice' },
      { name: 'Council of Europe meeting, Geneva' },
      {
        name: 'European Commission, proposal for a Council directive on short-term residence permits for victims of trafficking',
      },
    ],
    tags: [
      'unitedStates',
      'belgium',
      'italy',
      'northAmerica',
      'europe',
      'europeanUnion',
      'residencePermits',
      'victimProtection',
      'humanRights',
    ],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-europe-developments',
    kind: 'ARTICLE',
    section: 'lead',
    title: 'EU framework decision delayed as France debates a bill on modern slavery',
    slug: 'eu-framework-decision-delayed',
    standfirst:
      "The EU's framework decision on trafficking still awaits adoption, while France's National Assembly has examined a bill giving victims a temporary right to stay.",
    body: doc(
      p(
        'The European Council Framework Decision on combating trafficking in human beings, which would set minimum penalties for traffickers, has still not been formally adopted. It was taken off the agenda of the Council meeting of 28 January 2002 because some Member States had not completed the parliamentary procedures they need before agreeing to it.',
      ),
      p(
        "National governments are not waiting. On 24 January 2002 France's National Assembly examined ",
        strong('Bill 3522'),
        ', which targets present-day forms of slavery. It would allow trafficking victims to remain in France for a limited period while they file a complaint or give evidence against those responsible.',
      ),
      p(
        "The bill follows last year's French parliamentary commission of inquiry into modern slavery, which proposed a broad definition of trafficking. Force, coercion or deception would not have to be proved: it would be enough that a person had been kept in working or living conditions that offend human dignity, or had been procured for exploitation in prostitution.",
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    sources: [
      { name: 'Council of the European Union', date: '2002-01-28' },
      { name: 'French National Assembly', date: '2002-01-24' },
    ],
    tags: ['france', 'europe', 'europeanUnion', 'legislation', 'residencePermits', 'victimProtection'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },

  // Meetings and Policy
  {
    id: 'demo-item-25-bali',
    kind: 'MEETING_REPORT',
    section: 'meetings',
    title: 'Asia-Pacific ministers meet in Bali on smuggling and trafficking',
    slug: 'bali-regional-conference',
    standfirst:
      'Ministers from 37 Asia-Pacific countries met in Bali and agreed to set up two working groups on people smuggling and trafficking.',
    body: doc(
      p(
        'Indonesia and Australia co-chaired the Regional Ministerial Conference on People Smuggling, Trafficking in Persons and Related Transnational Crime, held in Bali from 26 to 28 February 2002. Thirty-seven countries of the Asia-Pacific region took part, most of them represented by ministers, and 15 more attended as observers.',
      ),
      h3('What the ministers discussed'),
      bullets(
        ['why people move illegally, and how to prevent it;'],
        ['building on existing regional and multilateral work against smuggling and trafficking;'],
        [
          "humane treatment of smuggled people, and the return and resettlement of irregular travellers with due regard to victims' need for protection;",
        ],
        ['fighting the transnational crime that accompanies illegal migration.'],
      ),
      p(
        "IOM's Director General presented a paper on a comprehensive approach to managing migration. He argued that existing regional bodies should be revived and made more effective rather than replaced, that they should handle only matters better dealt with multilaterally, and that working groups should map who is doing what, keep what works, drop what does not and fill the gaps.",
      ),
      p(
        "The conference ended with a non-binding Co-Chairs' Statement. Thailand and New Zealand will lead two working groups to study the issues and propose practical action, and many delegations stressed the need for capacity building in the follow-up.",
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    meeting: 'bali',
    sources: [
      { name: "Co-Chairs' Statement, Bali Ministerial Conference", date: '2002-02-28' },
      { name: 'IOM Director General, address to the conference' },
    ],
    tags: [
      'indonesia',
      'australia',
      'thailand',
      'newZealand',
      'asiaPacific',
      'smuggling',
      'regionalCooperation',
      'organisedCrime',
    ],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-turin',
    kind: 'MEETING_REPORT',
    section: 'meetings',
    title: 'Turin symposium on making the UN organised crime convention work',
    slug: 'turin-symposium',
    standfirst:
      "UNICRI and the ILO's training centre gathered experts in Turin to discuss what effective implementation of the Palermo Convention requires.",
    body: doc(
      p(
        'The UN Interregional Crime and Justice Research Institute (UNICRI) and the International Training Centre of the ILO held an international symposium in Turin on 22 and 23 February 2002 on what the UN Convention against Transnational Organized Crime needs in order to work in practice.',
      ),
      p(
        'A paper from the ILO, ',
        em('Getting at the Roots: Stopping Exploitation of Migrant Workers by Organised Crime'),
        ', placed trafficking within labour migration as a whole. It examines the supply and demand behind the trafficking and smuggling of migrant workers, argues that restrictive admission policies in destination countries have created a profitable market for criminals, sets out how trafficking differs from smuggling, looks at the part gender plays and draws on ILO research into the abuse of victims in several regions.',
      ),
      h3("The ILO's recommendations"),
      bullets(
        [
          'an open labour admission system based on regular assessment of genuine needs for skilled and unskilled workers, with domestic labour concerns in mind;',
        ],
        [
          'a standards-based approach that protects the basic rights of all migrants and applies the Palermo Convention and its trafficking Protocol alongside the ILO and UN conventions on migrant workers;',
        ],
        ['enforcement of minimum employment standards in every sector, to deter abuse and irregular employment;'],
        [
          'prevention, protection and recovery services for victims, and gender-sensitive migration policies that aim at equal outcomes as well as equal treatment.',
        ],
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    meeting: 'turin',
    sources: [{ name: 'UNICRI' }, { name: 'ILO paper to the Turin symposium' }],
    tags: ['italy', 'labourMigration', 'organisedCrime', 'legislation', 'humanRights'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-saarc',
    kind: 'ARTICLE',
    section: 'meetings',
    title: 'South Asian states sign a regional convention against trafficking in women and children',
    slug: 'saarc-convention',
    standfirst:
      'The seven members of the South Asian Association for Regional Cooperation signed a convention against trafficking in women and children for prostitution in January 2002.',
    body: doc(
      p(
        'In January 2002 the member states of the South Asian Association for Regional Cooperation (SAARC), namely Bangladesh, Bhutan, India, the Maldives, Nepal, Pakistan and Sri Lanka, signed the ',
        strong('Convention on Preventing and Combating Trafficking in Women and Children for Prostitution'),
        '. Among other commitments, the signatories undertake to cooperate across the region, to reduce poverty and to make the trafficking of women and children for commercial sexual exploitation a crime.',
      ),
      p(
        'The convention is narrower than the UN trafficking Protocol of November 2000, which it does not mention. It covers only women and children, and only trafficking for prostitution, in a region where large numbers of people are trafficked across and within borders for many kinds of exploitation.',
      ),
      p(
        'Articles VIII and IX do provide for prevention and for help to victims, and its definition of who counts as trafficked also takes in fraudulent and child marriage. Critics point out that nothing in the text stops trafficked women and children from being imprisoned, although some South Asian countries hold victims in administrative detention, and some NGOs fear that the "protective homes" it mentions could hold people against their will.',
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    sources: [{ name: 'South Asian Association for Regional Cooperation (SAARC)' }],
    tags: [
      'bangladesh',
      'bhutan',
      'india',
      'maldives',
      'nepal',
      'pakistan',
      'sriLanka',
      'southAsia',
      'legislation',
      'children',
      'sexualExploitation',
      'regionalCooperation',
    ],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-stop',
    kind: 'MEETING_REPORT',
    section: 'meetings',
    title: 'EU and IOM prepare a conference on trafficking and enlargement',
    slug: 'eu-iom-stop-conference',
    standfirst:
      'A conference planned for September 2002 will bring together those responsible for fighting trafficking in EU Member States, candidate countries and relevant third countries.',
    body: doc(
      p(
        "The European Union and IOM are preparing a conference on preventing and fighting trafficking in human beings, with a particular focus on cooperation in the enlargement of the European Union, to be held in September 2002. It aims to widen the circle of governments and experts involved, and is part of the EU's effort to build a comprehensive response to trafficking as the Union grows.",
      ),
      p(
        'The conference builds on six years of work under the ',
        strong('STOP'),
        ' (Sexual Trafficking of Persons) programmes, and its recommendations will guide the STOP II programme. The summer issue of this bulletin will be devoted to it.',
      ),
      h3('Themes'),
      bullets(
        ['legislation: where things stand and what else is needed;'],
        ['law enforcement and judicial cooperation in criminal matters;'],
        ['cooperation of judicial and police bodies with transnational companies and national NGOs;'],
        ['prevention: research, partnerships, public information campaigns and sharing information;'],
        ['human rights and help for victims, including the restoration of dignity, return and reintegration.'],
      ),
      p(
        'Invitations will go to officials of Member States, candidate and relevant third countries, and to national parliaments, the European Parliament, the Council of Europe, the European Commission, Europol, UN agencies and IOM. IOM Brussels is organising the conference with EU Member States and institutions, with the European Parliament, the Council, Europol and NGOs as partners in the preparations.',
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    meeting: 'stop',
    sources: [{ name: 'IOM Brussels' }],
    tags: ['europe', 'europeanUnion', 'legislation', 'lawEnforcement', 'victimProtection', 'regionalCooperation'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-ukat',
    kind: 'MEETING_REPORT',
    section: 'meetings',
    title: 'First UK Anti-Trafficking Network conference held in London',
    slug: 'ukat-conference-london',
    standfirst:
      'WomenAid International opened a series of conferences in 2002 meant to support a UK national strategy against trafficking.',
    body: doc(
      p(
        'The UK Anti-Trafficking Network (UKAT) held its first conference, ',
        em('Combating Global Trafficking: Approaches, Strategies and Interventions'),
        ', in London on 11 March 2002. It was organised by WomenAid International as the first of several anti-trafficking conferences planned for 2002, all intended to help the United Kingdom develop a national strategy and plan of action against the trafficking of people.',
      ),
      p(
        'Those attending included dignitaries from European and African countries, senior officials of international organisations, officers of the Metropolitan Police, representatives of the Royal Courts and academic experts.',
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    meeting: 'ukat',
    sources: [{ name: 'WomenAid International', date: '2002-03-11' }],
    tags: ['unitedKingdom', 'europe', 'nationalStrategy'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },

  // New IOM Publications
  {
    id: 'demo-item-25-ukraine',
    kind: 'PUBLICATION_REVIEW',
    section: 'new-publications',
    title: 'Combating Trafficking in Women in Ukraine',
    slug: 'combating-trafficking-women-ukraine',
    standfirst:
      'An IOM research report based on interviews with 586 people traces how Ukrainian women are recruited, moved and exploited abroad.',
    body: doc(
      p(
        'A good deal is known about what trafficking does to the women it harms, far less about how it operates. This IOM research report, drawing on surveys conducted in the spring of 2001, traces each stage, from the first approach to a woman to her journey and her exploitation abroad, and confirms several points that had until now only been assumed.',
      ),
      p(
        'It combines surveys, focus groups and interviews with a review of newspapers, legislation and expert opinion. It covers the scale of trafficking from Ukraine, who the victims are, how they are recruited and moved and along which routes, their experiences abroad and on their return, the help available to them, who the traffickers are, how well counter-trafficking measures work and what further measures respondents would like to see.',
      ),
      p(
        "Of the 586 people interviewed, 434 were young women aged 18 to 31 who could be at risk of trafficking and 26 were women who had been trafficked and had returned to Ukraine. The others were officials and practitioners: 59 from the Ministry of Interior, 17 from NGOs, 13 from the Public Prosecutor's Office, eight from the Border Guards and seven from the Secret Service. Two traffickers were also interviewed.",
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    publication: 'ukraine',
    sources: [{ name: 'IOM' }],
    tags: ['ukraine', 'easternEurope', 'research', 'sexualExploitation', 'victimProtection'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-balkans',
    kind: 'PUBLICATION_REVIEW',
    section: 'new-publications',
    title: 'Victims of Trafficking in the Balkans',
    slug: 'victims-of-trafficking-balkans',
    standfirst:
      'A forthcoming IOM study uses data from 28 countries and territories to measure trafficking to, through and from the Balkans.',
    body: doc(
      p(
        'Reports of trafficking in the Balkans are plentiful; systematic research is not. This IOM study, ',
        em('to be released'),
        ' shortly, draws on NGO, governmental and intergovernmental data from 28 countries and territories to estimate how much trafficking in women and children passes to, through and from the region, and to show how the data could be improved to help tackle trafficking and assist its victims.',
      ),
      p(
        'Kosovo and Bosnia and Herzegovina appear as destinations. The main places of origin are Moldova, Albania and Romania, with Bulgaria next; many play more than one role, and Albania is as much a transit country as a source. Moldovan, Albanian, Romanian and Ukrainian women make up the largest groups trafficked on to Western Europe. The region is also a transit route from Eastern to Western Europe, partly because conflict has weakened its social, political and legal institutions and left traffickers room to operate.',
      ),
      h3('Main recommendations'),
      bullets(
        ['pass and bring into force compatible, appropriate legislation;'],
        ['develop and strengthen protection and assistance for victims;'],
        ['prevent trafficking through social and economic support and awareness-raising;'],
        [
          'break data down by gender, nationality, age and form of exploitation, and keep trafficking data distinct from migration data;',
        ],
        ['appoint a national counter-trafficking coordinator;'],
        ['share information between countries.'],
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    publication: 'balkans',
    sources: [{ name: 'IOM' }],
    tags: [
      'albania',
      'bosnia',
      'bulgaria',
      'moldova',
      'romania',
      'balkans',
      'europe',
      'research',
      'dataCollection',
      'victimProtection',
    ],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-russia',
    kind: 'PUBLICATION_REVIEW',
    section: 'new-publications',
    title: 'Trafficking for Sexual Exploitation: Report on the Russian Federation',
    slug: 'trafficking-sexual-exploitation-russia',
    standfirst:
      "Donna M. Hughes's forthcoming report for IOM describes Russia as a country of origin, transit and destination and calls for tougher laws that spare victims.",
    body: doc(
      p(
        'Written by Donna M. Hughes for IOM and due out soon, the report explains why trafficking in the Russian Federation has grown over the past decade and what part organised crime has played. It describes trafficking within the country, in key cities and regions, and the movement of Russian women and children to Europe, Asia, the Middle East and North America.',
      ),
      p(
        "Economic collapse, high unemployment among women, women's falling social status in the move to a market economy and the growth of transnational crime groups all feed the trade. Estimates of the number of victims run to tens of thousands and possibly hundreds of thousands; Russian women are reported in the sex industry of 40 to 50 countries, and crime groups ranging from a handful of people to large networks control much of the prostitution and trafficking at home and abroad.",
      ),
      p(
        'Russia has no specific law against trafficking, although related acts such as forced prostitution, unlawful deprivation of liberty and document fraud are offences under the Criminal Code, and the report finds little political will to act. NGOs do most of the prevention and awareness work, facing strong demand for information about working abroad and resistance from those who profit from trafficking.',
      ),
      p(
        'The report asks Russia and the destination countries for tougher laws that do not punish victims but show zero tolerance for recruiters, traffickers, pimps and all who profit from the sex trade, together with more prevention and information work in towns and the countryside and more help for victims, above all children.',
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    publication: 'russia',
    sources: [{ name: 'IOM' }],
    tags: ['russia', 'easternEurope', 'sexualExploitation', 'organisedCrime', 'legislation', 'children', 'research'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-dhaka-manual',
    kind: 'PUBLICATION_REVIEW',
    section: 'new-publications',
    title: 'Training Manual on Combating Trafficking of Women and Children for Law Enforcement Agencies',
    slug: 'training-manual-law-enforcement',
    standfirst:
      'IOM Dhaka has published a manual to help the police in Bangladesh fight the trafficking of women and children.',
    body: doc(
      p(
        "IOM's office in Dhaka has produced a manual for training the police and other agencies that enforce the law against the trafficking of women and children. It is a product of the mission's project ",
        em('Capacity Building of Law Enforcement Officials on Counter-Trafficking of Women and Children'),
        ', under which IOM reviewed anti-trafficking practice in Bangladesh, trained trainers in the Home Ministry and drew up counter-trafficking operating procedures for the police.',
      ),
      p(
        'The manual covers the international conventions against trafficking in women and children, the national laws that can be used to punish traffickers and other ways to combat trafficking, together with practical skills such as questioning suspects, mobilising communities and preparing action plans. Arguing for an integrated approach, it also outlines the work of the other government bodies and NGOs active in the field.',
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    publication: 'manual',
    sources: [{ name: 'IOM Dhaka' }],
    tags: ['bangladesh', 'southAsia', 'lawEnforcement', 'training', 'children'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },

  // Other Publications
  {
    id: 'demo-item-25-europol',
    kind: 'PUBLICATION_REVIEW',
    section: 'other-publications',
    title: 'Crime Assessment: Trafficking of Human Beings into the European Union',
    slug: 'europol-crime-assessment',
    standfirst:
      "Europol's assessment of October 2001 argues that the fifteen EU Member States must coordinate their response to trafficking in human beings.",
    body: doc(
      p(
        'Because trafficking in human beings happens largely out of sight, Europol finds the threat hard to measure, and prosecutions often deal only with its visible side, such as prostitution, leaving the structures behind it untouched. Irregular migration meanwhile costs Member States dearly: directly, in intercepting, housing, processing and removing unlawful entrants, and indirectly, through the social, criminal and political problems that come with it.',
      ),
      p(
        'Victims come from several distinct regions that also give rise to drug smuggling, money laundering, irregular immigration, organised crime and terrorism. Member States already post liaison officers, mostly in their embassies there, and use agencies such as navies and coast guards; Europol argues that all fifteen must coordinate these efforts, since each now shares responsibility for a common territory.',
      ),
      p(
        'The assessment holds up the Baltic Sea Task Force as a good example of operational cooperation and suggests a similar task force for the Mediterranean. Any such effort, it adds, should respect the victims, rest on a careful study of root causes, and fit its responses, financial incentives included, to countries of origin, transit and destination.',
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    publication: 'europol',
    sources: [{ name: 'Europol', date: '2001-10-01' }],
    tags: ['europeanUnion', 'europe', 'lawEnforcement', 'organisedCrime', 'smuggling'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-country-reports',
    kind: 'PUBLICATION_REVIEW',
    section: 'other-publications',
    title: 'Country Reports on Human Rights Practices',
    slug: 'country-reports-human-rights',
    standfirst:
      "The US State Department's human rights reports for 2001 give every country a section on trafficking in persons.",
    body: doc(
      p(
        'On 2 March 2002 the US Department of State released its human rights reports for 2001, ',
        em('Country Reports on Human Rights Practices'),
        '. They review respect for internationally recognised human rights in Africa, East Asia and the Pacific, Europe and Eurasia, the Western Hemisphere, the Near East and North Africa, and South Asia.',
      ),
      p(
        'Every country chapter includes a section on trafficking in persons. Depending on the country, it describes the legal protection against trafficking and related offences, says whether the country is one of origin, transit or destination, and sets out what the government and NGOs are doing to counter trafficking.',
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    publication: 'stateDept',
    sources: [{ name: 'US Department of State', date: '2002-03-02' }],
    tags: ['unitedStates', 'northAmerica', 'humanRights', 'legislation'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },

  // Information Exchange
  {
    id: 'demo-item-25-send-news',
    kind: 'ARTICLE',
    section: 'information-exchange',
    title: 'Send us your news',
    slug: 'send-us-your-news',
    standfirst:
      'The bulletin depends on its readers for news of trafficking in migrants, and welcomes reports, analysis and commentary.',
    body: doc(
      p(
        'This bulletin exists to help governments and international organisations share what they know about trafficking in migrants. We welcome material fit for publication: how large the problem is, new cases, trends and changes in policy, as well as commentary and analysis.',
      ),
      p(
        'Please send contributions and questions to the editors at ',
        link('trafficking@iom.int', 'mailto:trafficking@iom.int'),
        ', or by post to Trafficking in Migrants, International Organization for Migration, CP 71, CH-1211 Geneva 19, Switzerland. You can also use the contribution form on this website.',
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    sources: [{ name: 'Trafficking in Migrants, editorial team' }],
    tags: ['informationExchange'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
  {
    id: 'demo-item-25-networking',
    kind: 'ARTICLE',
    section: 'information-exchange',
    title: 'Join the Networking column',
    slug: 'networking-column',
    standfirst: "Organisations working against trafficking can ask to be listed in the bulletin's Networking column.",
    body: doc(
      p(
        'Organisations that would like to appear in the Networking column should send us a brief description of what they do and an address where they can be reached. Listings help readers find partners in other countries.',
      ),
      p(
        "A reminder: the bulletin may not be reproduced, in whole or in part, without IOM's prior permission. Requests go to the same address as contributions.",
      ),
    ),
    state: 'PUBLISHED',
    author: 'editor',
    sources: [{ name: 'Trafficking in Migrants, editorial team' }],
    tags: ['informationExchange'],
    createdAt: ISSUE_25_WRITTEN_AT,
  },
];

// ---------------------------------------------------------------------------------------------
// N° 26, Summer 2002 (in production; fictional; never visible to readers)
// ---------------------------------------------------------------------------------------------

const issue26Items: DemoItem[] = [
  {
    id: 'demo-item-26-harvest-jobs',
    kind: 'ARTICLE',
    section: 'lead',
    title: 'Seasonal harvest job offers used as a recruitment lure, shelters warn',
    slug: 'harvest-job-lure',
    standfirst:
      'Shelter staff say advertisements for summer harvest work are being used to recruit young people who end up in forced labour.',
    body: doc(
      p(
        'Several shelters in Central and Eastern Europe report that a growing share of the people they helped this spring had answered newspaper advertisements for seasonal harvest work in Western Europe. The offers promised board, lodging and wages well above local rates, and asked for an agency fee in advance.',
      ),
      p(
        'Residents told shelter staff that on arrival their passports were taken "for registration", their wages were withheld to repay travel costs and fees, and some were passed on to other employers without being asked.',
      ),
      p(em('Note to editor: figures from the second shelter still to be confirmed before submission.')),
    ),
    state: 'DRAFT',
    author: 'contributor',
    sources: [{ name: 'Interviews with shelter staff' }],
    tags: ['easternEurope', 'labourMigration', 'victimProtection'],
    createdAt: '2002-05-27T08:30:00.000Z',
  },
  {
    id: 'demo-item-26-vilnius',
    kind: 'MEETING_REPORT',
    section: 'meetings',
    title: 'Shelter workers compare notes on safe return at a Vilnius round table',
    slug: 'vilnius-round-table',
    standfirst:
      'Staff from shelters around the Baltic Sea met in Vilnius to compare how they prepare trafficked women for a safe return home.',
    body: doc(
      p(
        'Some forty shelter staff, social workers and police liaison officers from the Baltic and Nordic states met in Vilnius on 23 and 24 May 2002 at a round table convened by the Nordic-Baltic Shelter Forum.',
      ),
      p('Participants agreed to work towards:'),
      bullets(
        ['a shared checklist for assessing the risks a woman faces before she travels home;'],
        ['named contacts in each country, so that a shelter can hand over a case directly;'],
        ['follow-up calls three and six months after return.'],
      ),
      p('The Forum will circulate a draft checklist to its members before the end of the summer.'),
    ),
    state: 'IN_REVIEW',
    author: 'contributor',
    meeting: 'vilnius',
    sources: [{ name: 'Nordic-Baltic Shelter Forum', date: '2002-05-24' }],
    tags: ['lithuania', 'balticSea', 'returnReintegration', 'victimProtection', 'regionalCooperation'],
    createdAt: '2002-05-28T14:00:00.000Z',
  },
  {
    id: 'demo-item-26-hotline-handbook',
    kind: 'PUBLICATION_REVIEW',
    section: 'new-publications',
    title: 'Hotline handbook puts the safety of callers first',
    slug: 'hotline-handbook',
    standfirst:
      'A new handbook from the Safe Passage Network sets out how counter-trafficking hotlines should handle their first conversation with a caller.',
    body: doc(
      p(
        "Answering the Call is written for the staff and volunteers of telephone hotlines that take calls from people who fear they, or someone close to them, have been trafficked. Its central rule is that the caller's safety comes before any information the hotline hopes to gather.",
      ),
      p(
        'Chapters cover the first five minutes of a call, recognising when a caller cannot speak freely, referring callers to shelters and the police, and looking after staff. In our view the handbook is the best of its kind and should be on every hotline desk.',
      ),
    ),
    state: 'CHANGES_REQUESTED',
    author: 'contributor',
    publication: 'hotline',
    sources: [{ name: 'Safe Passage Network', date: '2002-05-15' }],
    tags: ['training', 'victimProtection'],
    comments: [
      {
        id: 'demo-comment-26-hotline-1',
        author: 'editor',
        body: 'We describe rather than rank: please attribute this judgement to someone or cut it. Could you also say how readers can obtain a copy?',
        quote: 'the handbook is the best of its kind',
        createdAt: '2002-06-03T11:20:00.000Z',
      },
    ],
    createdAt: '2002-05-30T10:15:00.000Z',
  },
  {
    id: 'demo-item-26-stop-agenda',
    kind: 'MEETING_REPORT',
    section: 'meetings',
    title: 'Agenda settled for the September enlargement conference',
    slug: 'enlargement-conference-agenda',
    standfirst:
      'The partners preparing the EU-IOM conference on trafficking and enlargement have agreed its working groups and started sending invitations.',
    body: doc(
      p(
        'Preparations for the September conference on trafficking and the enlargement of the European Union are well advanced. The partners have agreed five working groups, one for each of the conference themes, from legislation and judicial cooperation to prevention and help for victims.',
      ),
      p(
        'Invitations are going out to Member States, candidate countries and relevant third countries. Each working group is to prepare recommendations in advance, so that the closing session can adopt them as a basis for the STOP II programme.',
      ),
    ),
    state: 'APPROVED',
    author: 'editor',
    meeting: 'stop',
    sources: [{ name: 'IOM Brussels', date: '2002-06-05' }],
    tags: ['europeanUnion', 'europe', 'regionalCooperation', 'legislation'],
    createdAt: '2002-06-06T09:00:00.000Z',
  },
];

export const DEMO_ISSUES: DemoIssue[] = [
  {
    id: 'demo-issue-25',
    number: 25,
    coverLabel: 'Spring 2002',
    coverDate: '2002-03-01',
    state: 'PUBLISHED',
    publishedAt: ISSUE_25_PUBLISHED_AT,
    createdAt: '2002-01-14T09:00:00.000Z',
    items: issue25Items,
  },
  {
    id: 'demo-issue-26',
    number: 26,
    coverLabel: 'Summer 2002',
    coverDate: '2002-06-01',
    state: 'IN_PRODUCTION',
    publishedAt: null,
    createdAt: '2002-04-08T09:00:00.000Z',
    items: issue26Items,
  },
];

// ---------------------------------------------------------------------------------------------
// Information Exchange: one reader contribution awaiting triage (fictional sender)
// ---------------------------------------------------------------------------------------------

export const DEMO_CONTRIBUTIONS: DemoContribution[] = [
  {
    id: 'demo-contribution-harbour-light',
    name: 'Irena Kovač',
    email: 'irena.kovac@harbourlight.example',
    organisation: "Harbour Light Women's Centre",
    kind: 'NEWS',
    reference: 'IX-HL02-0610',
    subject: 'A telephone line for women offered work abroad',
    message:
      'Our centre opened a free, confidential telephone line in May for women who have been offered work abroad and want to check the offer. ' +
      'In its first three weeks we took 112 calls, most of them about domestic and restaurant jobs. We would be glad to share our call log summary with the bulletin.',
    consent: true,
    createdAt: '2002-06-10T16:45:00.000Z',
  },
];
