import type { ProposedMeeting } from './types';
import type { InlineText } from './inline';
import { scanDates, wholeDate, type FoundDate } from './dates';
import { findPlaces, type Place } from './places';
import { sentences } from './sentences';
import { clip, isUpper, words } from './text';

/**
 * A meeting report's facts from its first paragraphs: the meeting's name (the bold name, a date at its
 * end split off), its dates (bold dates first), where it took place and who organised it. What is not
 * there is left out; what is doubtful is reported as a problem for the review screen.
 */

export type MeetingFindings = { meeting: ProposedMeeting; problems: { field: string; message: string }[] };

const PARAGRAPHS_READ = 4;

const describe = (d: FoundDate) =>
  d.endDate ? `${d.startDate} to ${d.endDate}` : d.precision === 'MONTH' ? d.startDate.slice(0, 7) : d.startDate;

function sameDate(a: FoundDate, b: FoundDate) {
  return a.startDate === b.startDate && a.endDate === b.endDate && a.precision === b.precision;
}

/** A date at the end of a bold name ("… for Prostitution in January 2002"): the date, and the name without it. */
function trailingDate(text: string): { name: string; date: FoundDate } | null {
  const found = scanDates(text);
  const last = found[found.length - 1];
  if (!last || text.slice(last.end).trim().replace(/[.,;]/g, '') !== '') return null;
  let name = text.slice(0, last.start).trimEnd();
  for (const joiner of [' in', ' on', ' from', ' of', ',', ' held', ' during']) {
    if (name.toLowerCase().endsWith(joiner)) {
      name = name.slice(0, name.length - joiner.length).trimEnd();
      break;
    }
  }
  return name ? { name, date: last } : null;
}

export function extractMeeting(paragraphs: InlineText[]): MeetingFindings {
  const read = paragraphs.slice(0, PARAGRAPHS_READ);
  const problems: MeetingFindings['problems'] = [];
  const meeting: ProposedMeeting = {};

  // 1. The name and the bold dates.
  let nameParagraph = -1;
  let nameDate: FoundDate | null = null;
  const boldDates: { date: FoundDate; paragraph: number }[] = [];
  read.forEach((p, index) => {
    for (const span of p.bold) {
      const alone = wholeDate(span.text);
      if (alone) {
        boldDates.push({ date: alone, paragraph: index });
        continue;
      }
      if (meeting.name !== undefined) continue;
      if (words(span.text).length < 2) continue;
      const split = trailingDate(span.text);
      meeting.name = clip((split ? split.name : span.text).replace(/[.,;:]+$/, ''), 300);
      nameDate = split?.date ?? null;
      nameParagraph = index;
    }
  });
  if (meeting.name === undefined) problems.push({ field: 'name', message: 'no meeting name found (no name in bold)' });

  // 2. Dates: the one in the bold name, the bold dates, else the dates of the paragraph naming the meeting.
  let chosen: FoundDate | null = nameDate;
  let chosenParagraph = nameParagraph;
  const distinctBold = boldDates.filter((b, i) => boldDates.findIndex((o) => sameDate(o.date, b.date)) === i);
  if (!chosen && distinctBold.length > 0) {
    chosen = distinctBold[0]!.date;
    chosenParagraph = distinctBold[0]!.paragraph;
  }
  if (chosen && distinctBold.length > (nameDate ? 0 : 1)) {
    const other = distinctBold.find((b) => !sameDate(b.date, chosen!));
    if (other)
      problems.push({
        field: 'startDate',
        message: `two dates found: ${describe(chosen)} and ${describe(other.date)}; the first is proposed`,
      });
  }
  if (!chosen) {
    const where = nameParagraph >= 0 ? nameParagraph : 0;
    const found = read[where] ? scanDates(read[where]!.plain) : [];
    const distinct = found.filter((f, i) => found.findIndex((o) => sameDate(o, f)) === i);
    if (distinct.length > 0) {
      chosen = distinct[0]!;
      chosenParagraph = where;
      if (distinct.length > 1)
        problems.push({
          field: 'startDate',
          message: `two dates found: ${describe(distinct[0]!)} and ${describe(distinct[1]!)}; the first is proposed`,
        });
    }
  }
  if (chosen) {
    meeting.startDate = chosen.startDate;
    if (chosen.endDate) meeting.endDate = chosen.endDate;
    else if (chosen.precision === 'DAY') meeting.endDate = chosen.startDate;
    meeting.datePrecision = chosen.precision;
  } else problems.push({ field: 'startDate', message: 'no dates found' });

  // 3. The place: in the sentence that gives the date or the name, else one saying where it was held.
  const candidates: Place[] = [];
  const look = (paragraph: number, needle: string | null) => {
    const p = read[paragraph];
    if (!p) return;
    const text = blankOutNames(p);
    for (const s of sentences(text)) {
      if (needle !== null && !s.includes(needle)) continue;
      candidates.push(...findPlaces(s));
    }
  };
  if (chosen && chosenParagraph >= 0) look(chosenParagraph, null);
  if (candidates.length === 0 && nameParagraph >= 0) look(nameParagraph, null);
  if (candidates.length === 0)
    read.forEach((p, i) => {
      if (
        candidates.length === 0 &&
        /\b(held|took place|take place|met|meet|convened|hosted|gathered)\b/.test(p.plain.slice(0, 4000))
      )
        look(i, null);
    });
  const distinctPlaces = candidates.filter(
    (c, i) => candidates.findIndex((o) => o.city === c.city && o.country === c.country) === i,
  );
  const place = distinctPlaces[0];
  if (place?.city) meeting.city = place.city;
  if (place?.country) meeting.country = place.country;
  if (distinctPlaces.length > 1) {
    const other = distinctPlaces[1]!;
    problems.push({
      field: place?.city ? 'city' : 'country',
      message: `two places found: ${[place!.city, place!.country].filter(Boolean).join(', ')} and ${[other.city, other.country].filter(Boolean).join(', ')}; the first is proposed`,
    });
  }
  if (!meeting.city) problems.push({ field: 'city', message: 'no city found' });
  if (!meeting.country) problems.push({ field: 'country', message: 'no country found' });

  // 4. Organisers.
  const organisers = findOrganisers(read.map((p) => p.plain));
  if (organisers) meeting.organisers = clip(organisers, 600);
  else problems.push({ field: 'organisers', message: 'no organisers found' });

  return { meeting, problems };
}

/** The paragraph's text with its bold names replaced by spaces, so words inside a name are not taken for places. */
function blankOutNames(p: InlineText): string {
  const pieces: string[] = [];
  let at = 0;
  for (const span of p.bold) {
    if (span.start < at || wholeDate(span.text)) continue;
    pieces.push(p.plain.slice(at, span.start), ' '.repeat(span.end - span.start));
    at = span.end;
  }
  pieces.push(p.plain.slice(at));
  return pieces.join('');
}

const BY_MARKERS = [
  'co-organized by ',
  'co-organised by ',
  'organized by ',
  'organised by ',
  'co-hosted by ',
  'hosted by ',
  'convened by ',
  'co-chaired by ',
  'chaired by ',
  'co-sponsored by ',
  'sponsored by ',
  'initiated by ',
];
const SUBJECT_VERBS = [
  ' co-organized ',
  ' co-organised ',
  ' organized ',
  ' organised ',
  ' co-chaired ',
  ' co-hosted ',
  ' hosted ',
  ' convened ',
];
const OBJECTS = ['a ', 'an ', 'the ', 'this '];
const ADVERBS = ['recently', 'jointly', 'also', 'successfully', 'have', 'has', 'had', 'together'];

/** Who organised the meeting: "organized by X", "hosted by X", or "X co-organized a …". */
export function findOrganisers(paragraphs: string[]): string | null {
  for (const paragraph of paragraphs) {
    for (const s of sentences(paragraph.length > 20_000 ? paragraph.slice(0, 20_000) : paragraph)) {
      const lower = s.toLowerCase();
      for (const marker of BY_MARKERS) {
        const at = lower.indexOf(marker);
        if (at < 0) continue;
        const found = cutOrganisers(s.slice(at + marker.length));
        if (found) return found;
      }
      for (const verb of SUBJECT_VERBS) {
        const at = lower.indexOf(verb);
        if (at <= 0) continue;
        const after = lower.slice(at + verb.length);
        if (!OBJECTS.some((o) => after.startsWith(o))) continue;
        let subject = s.slice(0, at).trim();
        let changed = true;
        while (changed) {
          changed = false;
          for (const adverb of ADVERBS) {
            if (subject.toLowerCase().endsWith(` ${adverb}`)) {
              subject = subject.slice(0, subject.length - adverb.length - 1).trimEnd();
              changed = true;
            }
          }
        }
        subject = stripArticle(subject);
        if (subject && isUpper(subject[0]) && subject.length <= 200) return subject;
      }
    }
  }
  return null;
}

function stripArticle(s: string): string {
  return s.startsWith('The ') || s.startsWith('the ') ? s.slice(4) : s;
}

function cutOrganisers(rest: string): string | null {
  let end = rest.length;
  const stops = [
    '. ',
    ';',
    ' on ',
    ' from ',
    ' in ',
    ' at ',
    ' during ',
    ' between ',
    ' under ',
    ' with the aim',
    ' to discuss',
  ];
  const lower = rest.toLowerCase();
  for (const stop of stops) {
    const at = lower.indexOf(stop);
    if (at >= 0 && at < end) end = at;
  }
  // A comma ends the list unless another name follows it ("UNHCR, IOM and the ILO").
  for (let i = 0; i < end; i++) {
    if (rest[i] !== ',') continue;
    const next = rest.slice(i + 1).trimStart();
    if (!isUpper(next[0])) {
      end = i;
      break;
    }
  }
  let out = rest.slice(0, end).trim();
  while (out && '.,;:'.includes(out[out.length - 1]!)) out = out.slice(0, -1);
  out = stripArticle(out.trim());
  return out && out.length <= 300 ? out : null;
}
