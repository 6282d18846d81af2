import type { Availability, PublicationKind } from '@/generated/prisma/enums';
import { scanDates, type FoundDate } from './dates';
import { collapseSpaces, isUpper, words } from './text';

/**
 * The short lines under a publication's heading: who issued it and when ("IOM 2001",
 * "EUROPOL, October 2001", "US State Dept. , March 2002"), who wrote it ("By Donna M. Hughes for IOM"),
 * what it is ("IOM Research Report") and whether it is out ("To be released").
 */

/** Spellings of issuing bodies, and the one name Quire files them under. */
const BODY_ALIASES: Record<string, string> = {
  iom: 'IOM',
  'international organization for migration': 'IOM',
  'international organisation for migration': 'IOM',
  'iom international organization for migration': 'IOM',
  europol: 'Europol',
  interpol: 'Interpol',
  'us state dept.': 'US Department of State',
  'us state dept': 'US Department of State',
  'u.s. state dept.': 'US Department of State',
  'u.s. state dept': 'US Department of State',
  'us state department': 'US Department of State',
  'u.s. state department': 'US Department of State',
  'us department of state': 'US Department of State',
  'u.s. department of state': 'US Department of State',
  'state department': 'US Department of State',
  'department of state': 'US Department of State',
  unhcr: 'UNHCR',
  unicef: 'UNICEF',
  unodc: 'UNODC',
  unodccp: 'UNODCCP',
  unicri: 'UNICRI',
  ilo: 'ILO',
  osce: 'OSCE',
  'osce/odihr': 'OSCE/ODIHR',
  odihr: 'OSCE/ODIHR',
  'council of europe': 'Council of Europe',
  'european commission': 'European Commission',
  'european parliament': 'European Parliament',
  icmpd: 'ICMPD',
  'anti-slavery international': 'Anti-Slavery International',
  'human rights watch': 'Human Rights Watch',
  'amnesty international': 'Amnesty International',
  'la strada': 'La Strada',
};

/** The name an issuing body is filed under ("EUROPOL" → "Europol"); unknown names as written. */
export function canonicalBody(raw: string): string {
  const cleaned = collapseSpaces(raw);
  return BODY_ALIASES[cleaned.toLowerCase()] ?? cleaned;
}

const KNOWN_BODIES = new Set(Object.values(BODY_ALIASES));

/** True for an issuing body Quire knows by one of its spellings. */
export function isKnownBody(name: string): boolean {
  return KNOWN_BODIES.has(canonicalBody(name));
}

const AVAILABILITY_LINES: Record<string, Availability> = {
  'to be released': 'FORTHCOMING',
  'to be published': 'FORTHCOMING',
  forthcoming: 'FORTHCOMING',
  'coming soon': 'FORTHCOMING',
  'soon available': 'FORTHCOMING',
  'available soon': 'FORTHCOMING',
  'in press': 'FORTHCOMING',
  'just published': 'PUBLISHED',
  'out now': 'PUBLISHED',
  'now available': 'PUBLISHED',
  'available now': 'PUBLISHED',
};

/** "To be released" and the like, as a line of its own; null otherwise. */
export function availabilityLine(line: string): Availability | null {
  if (line.length > 40) return null;
  const key = words(line.toLowerCase()).join(' ');
  return AVAILABILITY_LINES[key] ?? null;
}

/** Phrases in a review's text that say the publication is not out yet. */
const FORTHCOMING_PHRASES = [
  'will soon be released',
  'will be released',
  'is to be released',
  'due to be released',
  'will soon be published',
  'will be published',
  'is to be published',
  'due to be published',
  'forthcoming',
];

/** The phrase of a text that says the publication is forthcoming, or null. */
export function forthcomingPhrase(text: string): string | null {
  const lower = text.toLowerCase();
  for (const p of FORTHCOMING_PHRASES) if (lower.includes(p)) return p;
  return null;
}

const KIND_PHRASES: [string, PublicationKind][] = [
  ['research report', 'RESEARCH_REPORT'],
  ['research study', 'RESEARCH_REPORT'],
  ['working paper', 'RESEARCH_REPORT'],
  ['country reports', 'COUNTRY_REPORT'],
  ['country report', 'COUNTRY_REPORT'],
  ['training manual', 'MANUAL'],
  ['manual', 'MANUAL'],
  ['handbook', 'MANUAL'],
  ['guidelines', 'MANUAL'],
  ['guide', 'MANUAL'],
  ['toolkit', 'MANUAL'],
  ['assessment', 'ASSESSMENT'],
  ['journal', 'JOURNAL'],
  ['newsletter', 'JOURNAL'],
  ['report', 'RESEARCH_REPORT'],
  ['study', 'RESEARCH_REPORT'],
  ['survey', 'RESEARCH_REPORT'],
];

/** The kind a title or a kind line says ("Training Manual on…" → MANUAL), or null. */
export function kindNamedIn(text: string): PublicationKind | null {
  const ws = ` ${words(text.toLowerCase()).join(' ')} `;
  for (const [phrase, kind] of KIND_PHRASES) if (ws.includes(` ${phrase} `)) return kind;
  return null;
}

export type PublicationLine = {
  authors?: string;
  issuingBody?: string;
  date?: FoundDate;
  kind?: PublicationKind;
  availability?: Availability;
};

const looksLikeBody = (s: string) => {
  if (!s || s.length > 120) return false;
  if (BODY_ALIASES[s.toLowerCase()]) return true;
  const ws = s.split(' ').filter(Boolean);
  return ws.length <= 8 && isUpper(s[0]);
};

/**
 * Reads one line under a publication's heading, or null when it is not such a line (a sentence of the
 * review). Only short lines qualify; a sentence ending in a full stop does not (an abbreviation does).
 */
export function readPublicationLine(raw: string): PublicationLine | null {
  const line = collapseSpaces(raw.replaceAll('**', '').replaceAll('__', ''));
  if (!line || line.length > 140) return null;
  const availability = availabilityLine(line);
  if (availability) return { availability };
  if (/[.!?]$/.test(line) && !/\b(?:Dept|Inc|Ltd|Co|St|Corp|No)\.$/.test(line)) return null;

  const by = /^(?:(?:written|edited|compiled|prepared)\s+)?by\s+(.+)$/i.exec(line);
  if (by) {
    const rest = by[1]!;
    const forAt = rest.toLowerCase().lastIndexOf(' for ');
    const out: PublicationLine = {};
    if (forAt > 0) {
      out.authors = rest.slice(0, forAt).trim();
      const body = rest.slice(forAt + 5).trim();
      const dated = splitDate(body);
      if (dated.rest) out.issuingBody = canonicalBody(dated.rest);
      if (dated.date) out.date = dated.date;
    } else {
      const dated = splitDate(rest);
      out.authors = dated.rest;
      if (dated.date) out.date = dated.date;
    }
    return out.authors ? out : null;
  }

  const out: PublicationLine = {};
  const dated = splitDate(line);
  let rest = dated.rest;
  if (dated.date) out.date = dated.date;
  // A kind at the end: "IOM Research Report".
  const lower = rest.toLowerCase();
  for (const [phrase, kind] of KIND_PHRASES) {
    if (lower === phrase || lower.endsWith(` ${phrase}`)) {
      out.kind = kind;
      rest = rest.slice(0, rest.length - phrase.length).trim();
      break;
    }
  }
  rest = trimPunctuation(rest);
  if (rest) {
    if (!looksLikeBody(rest)) return null;
    out.issuingBody = canonicalBody(rest);
  }
  if (!out.date && !out.kind) return null;
  return out;
}

function trimPunctuation(s: string): string {
  let a = 0;
  let b = s.length;
  const junk = ' ,;:–—-/(';
  while (a < b && junk.includes(s[a]!)) a++;
  while (b > a && (junk.includes(s[b - 1]!) || s[b - 1] === ')')) b--;
  return s.slice(a, b);
}

/** A date at the end of a line, and what stands before it. */
function splitDate(s: string): { date?: FoundDate; rest: string } {
  const found = scanDates(s, { yearsAlone: true });
  const last = found[found.length - 1];
  if (!last) return { rest: trimPunctuation(s) };
  const after = s.slice(last.end).trim();
  if (after && !/^[.)]*$/.test(after)) return { rest: trimPunctuation(s) };
  return { date: last, rest: trimPunctuation(s.slice(0, last.start)) };
}
