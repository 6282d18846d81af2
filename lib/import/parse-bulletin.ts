import type { ItemKind } from '@/generated/prisma/enums';
import type { RichTextDoc, RichTextNode } from '@/lib/rich-text/document';
import { DEFAULT_SECTION_TEMPLATE, type SectionTemplateEntry } from '@/lib/settings/section-template';
import { coverDateOf, wholeDate } from './dates';
import { parseInline, type InlineText } from './inline';
import { extractMeeting } from './meeting-fields';
import { countriesIn } from './places';
import {
  availabilityLine,
  forthcomingPhrase,
  isKnownBody,
  kindNamedIn,
  readPublicationLine,
} from './publication-lines';
import { kindForSection, leadSection, matchSection, soundsLikeSection } from './section-match';
import { sentences } from './sentences';
import {
  FUNCTION_WORDS,
  clip,
  collapseSpaces,
  comparable,
  endsSentence,
  firstLetter,
  isCapitalsLine,
  isLetter,
  isLower,
  isUpper,
  lastWord,
  normaliseText,
  titleCase,
  words,
} from './text';
import type {
  ImportFlag,
  Proposal,
  ProposedItem,
  ProposedPublication,
  ProposedSection,
  ProposedStanding,
  ProposedTag,
} from './types';

/**
 * The importer's parser: a bulletin's text (as extracted from a PDF, or Markdown, or a Word file turned
 * into Markdown-like lines) → a proposal of one bulletin issue. Pure and linear in the length of the
 * text: lines become units (headings, paragraphs, list entries), page-break scars are repaired between
 * units, the masthead, contents and disclaimer are recognised at the top, and the rest is read as
 * sections of items. See docs/import.md for the rules and the decisions behind them.
 */

export type ParseOptions = {
  /** The sections new issues start with (publication settings); headings are matched to them. */
  template?: readonly SectionTemplateEntry[];
};

// --- Units ------------------------------------------------------------------------------------------

type Heading = { t: 'heading'; text: string; md: number; blank: number };
type Para = { t: 'para'; lines: string[]; blank: number };
type ListEntry = { t: 'li'; ordered: boolean; n: number; lines: string[]; blank: number };
type Rule = { t: 'rule'; blank: number };
type Unit = Heading | Para | ListEntry | Rule;

const MAX_HEADING = 200;
const BULLETS = new Set(['-', '*', '•', '–', '◦', '▪', '·', '‣']);

function markdownHeading(s: string): { level: number; text: string } | null {
  let level = 0;
  while (level < s.length && s[level] === '#') level++;
  if (level === 0 || level > 6 || s[level] !== ' ') return null;
  let text = s.slice(level + 1).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ')) text = text.slice(0, end).trim();
  return { level, text: stripBold(text) };
}

function stripBold(s: string): string {
  const t = s.trim();
  if (t.length > 4 && ((t.startsWith('**') && t.endsWith('**')) || (t.startsWith('__') && t.endsWith('__'))))
    return t.slice(2, -2).trim();
  return t;
}

function isRuleLine(s: string): boolean {
  const c = s[0];
  if (c !== '-' && c !== '*' && c !== '_') return false;
  let count = 0;
  for (const ch of s) {
    if (ch === c) count++;
    else if (ch !== ' ') return false;
  }
  return count >= 3;
}

function listMarker(s: string): { ordered: boolean; n: number; text: string } | null {
  if (BULLETS.has(s[0]!) && s[1] === ' ') return { ordered: false, n: 0, text: s.slice(2).trim() };
  let i = s[0] === '(' ? 1 : 0;
  const digitsFrom = i;
  while (i < s.length && i - digitsFrom < 3 && s[i]! >= '0' && s[i]! <= '9') i++;
  if (i === digitsFrom || (s[i]! >= '0' && s[i]! <= '9')) return null;
  const close = s[i];
  if (!((close === '.' || close === ')') && s[i + 1] === ' ')) return null;
  if (digitsFrom === 1 && close !== ')') return null;
  return { ordered: true, n: Number(s.slice(digitsFrom, i)), text: s.slice(i + 2).trim() };
}

function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let blank = 0;
  let open: Para | ListEntry | null = null;
  for (const raw of text.split('\n')) {
    const s = raw.trim();
    if (!s) {
      blank++;
      open = null;
      continue;
    }
    const md = markdownHeading(s);
    if (md) {
      units.push({ t: 'heading', text: md.text, md: md.level, blank });
      open = null;
    } else if (isRuleLine(s)) {
      units.push({ t: 'rule', blank });
      open = null;
    } else {
      const marker = listMarker(s);
      if (marker) {
        open = { t: 'li', ordered: marker.ordered, n: marker.n, lines: [marker.text], blank };
        units.push(open);
      } else if (open && blank === 0) {
        open.lines.push(s);
      } else {
        open = { t: 'para', lines: [s], blank };
        units.push(open);
      }
    }
    blank = 0;
  }
  // Lines in capitals at the top of a block are a heading; the rest of the block is its first paragraph.
  const out: Unit[] = [];
  for (const u of units) {
    if (u.t !== 'para') {
      out.push(u);
      continue;
    }
    let caps = 0;
    while (caps < u.lines.length && u.lines[caps]!.length <= MAX_HEADING && isCapitalsLine(stripBold(u.lines[caps]!)))
      caps++;
    const headingText = u.lines
      .slice(0, caps)
      .map((l) => stripBold(l))
      .join(' ');
    if (caps === 0 || headingText.length > MAX_HEADING || isPublicationLineInCapitals(headingText)) {
      out.push(u);
      continue;
    }
    out.push({ t: 'heading', text: headingText, md: 0, blank: u.blank });
    if (caps < u.lines.length) out.push({ t: 'para', lines: u.lines.slice(caps), blank: 0 });
  }
  return out;
}

/** "TO BE RELEASED", "IOM 2001", "IOM RESEARCH REPORT": lines under a publication's heading, even in capitals. */
function isPublicationLineInCapitals(s: string): boolean {
  const line = readPublicationLine(s);
  if (!line) return false;
  if (line.availability || line.date || line.authors) return true;
  return !!line.kind && !!line.issuingBody && isKnownBody(line.issuingBody);
}

// --- Page-break repair ------------------------------------------------------------------------------

/** Hyphenated and unhyphenated forms of the words of the document, to decide what a break split. */
type WordIndex = Set<string>;

function indexWords(units: Unit[]): WordIndex {
  const index = new Set<string>();
  for (const u of units) {
    if (u.t === 'rule') continue;
    const lines = u.t === 'heading' ? [u.text] : u.lines;
    for (const line of lines) for (const w of words(line.toLowerCase())) index.add(w);
  }
  return index;
}

const KEEP_HYPHEN_PREFIXES = new Set([
  'anti',
  'counter',
  'non',
  'self',
  'cross',
  'ex',
  'well',
  'socio',
  'multi',
  'inter-',
]);

/** Joins two pieces of text cut by a line or page break, repairing "or-" + "ganizing". */
function joinAcross(a: string, b: string, index: WordIndex): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (left.endsWith('-') && isLetter(left[left.length - 2]) && isLower(right[0])) {
    const head = lastWord(left.slice(0, -1)).toLowerCase();
    let tailEnd = 0;
    while (tailEnd < right.length && isLetter(right[tailEnd])) tailEnd++;
    const tail = right.slice(0, tailEnd).toLowerCase();
    const joined = head + tail;
    const hyphenated = `${head}-${tail}`;
    const keep =
      (index.has(hyphenated) && !index.has(joined)) || (!index.has(joined) && KEEP_HYPHEN_PREFIXES.has(head));
    return keep ? left + right : left.slice(0, -1) + right;
  }
  return `${left} ${right}`;
}

function joinLines(lines: string[], index: WordIndex): string {
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) out = joinAcross(out, lines[i]!, index);
  return out;
}

const isContactLine = (s: string) =>
  /^(tel|phone|fax|e-?mail|web|www\.|internet|telephone)\b/i.test(s) || s.includes('@');

/** A block of short lines with a phone, an e-mail or a web address: an address, kept line by line. */
function isAddressBlock(u: Para): boolean {
  return u.lines.length >= 2 && u.lines.every((l) => l.length <= 90) && u.lines.some(isContactLine);
}

/**
 * A paragraph that does not end a sentence, followed after blank lines by one that starts in lower case
 * (or after a word that cannot end a sentence), is one paragraph cut by a page break: join them.
 */
function repairPageBreaks(units: Unit[], index: WordIndex): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    if (
      u.t === 'para' &&
      u.blank > 0 &&
      prev &&
      (prev.t === 'para' || prev.t === 'li') &&
      !(prev.t === 'para' && isAddressBlock(prev))
    ) {
      const a = prev.lines[prev.lines.length - 1]!;
      const b = u.lines[0]!;
      const start = firstLetter(b);
      const cut =
        !endsSentence(a) &&
        ((a.endsWith('-') && isLetter(a[a.length - 2]) && isLower(start)) ||
          (a.length >= 30 && (isLower(start) || (FUNCTION_WORDS.has(lastWord(a).toLowerCase()) && isUpper(start)))));
      if (cut && !availabilityLine(b)) {
        prev.lines[prev.lines.length - 1] = joinAcross(a, b, index);
        prev.lines.push(...u.lines.slice(1));
        continue;
      }
    }
    out.push(u.t === 'rule' ? u : u.t === 'heading' ? { ...u } : { ...u, lines: [...u.lines] });
  }
  return out;
}

// --- Front matter ------------------------------------------------------------------------------------

const unitText = (u: Unit, index: WordIndex) =>
  u.t === 'heading' ? u.text : u.t === 'rule' ? '' : collapseSpaces(joinLines(u.lines, index));

/** "N° 25 – Spring 2002", "No. 25, Spring 2002", "Issue 25: Spring 2002" → number and label. */
export function readNumberLine(line: string): { number: number; label: string } | null {
  const s = collapseSpaces(line.replaceAll('**', ''));
  if (s.length > 120) return null;
  const lower = s.toLowerCase();
  let i = -1;
  for (const prefix of ['n°', 'nº', 'n o', 'no.', 'no ', 'n. ', 'number ', 'issue ', 'issue no.', '#']) {
    if (lower.startsWith(prefix)) i = Math.max(i, prefix.length);
  }
  if (i < 0) return null;
  while (s[i] === ' ' || s[i] === '.') i++;
  const from = i;
  while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
  if (i === from || i - from > 6) return null;
  const number = Number(s.slice(from, i));
  let label = s.slice(i);
  let a = 0;
  while (a < label.length && ' –—-:,|/'.includes(label[a]!)) a++;
  label = label.slice(a).trim();
  if (label && !isLetter(label[0]) && !(label[0]! >= '0' && label[0]! <= '9')) return null;
  return number >= 1 ? { number, label } : null;
}

const DISCLAIMER_WORDS = ['endorse', 'accuracy', 'necessarily', 'responsib', 'opinions', 'views', 'verify', 'liab'];
const isDisclaimer = (s: string) => {
  const lower = s.toLowerCase();
  return DISCLAIMER_WORDS.filter((w) => lower.includes(w)).length >= 2;
};

const isProse = (s: string) => s.length >= 100 || (s.length >= 60 && endsSentence(s) && words(s).length >= 10);

// --- Items under construction ------------------------------------------------------------------------

type Block =
  | { t: 'para'; text: string; lines?: string[] }
  | { t: 'li'; ordered: boolean; n: number; text: string }
  | { t: 'sub'; text: string }
  | { t: 'rule' };

type Draft = {
  kind: ItemKind;
  heading?: string;
  headingIsCaps: boolean;
  blocks: Block[];
  pubLines: ReturnType<typeof readPublicationLine>[];
  availabilityNote?: string;
  standing: boolean;
  titleFromSection: boolean;
};

type DraftSection = {
  heading?: string;
  title: string;
  acceptsKind?: ItemKind | null;
  fromTemplate: boolean;
  ambiguousWith?: string;
  items: Draft[];
};

// --- The parser ---------------------------------------------------------------------------------------

export function parseBulletin(input: string, options: ParseOptions = {}): Proposal {
  const template = options.template ?? DEFAULT_SECTION_TEMPLATE;
  const text = normaliseText(input);
  const flags: ImportFlag[] = [];
  const rawUnits = toUnits(text);
  const index = indexWords(rawUnits);
  let units = repairPageBreaks(rawUnits, index).filter((u) => !isPageNoise(u));
  const standing: ProposedStanding = {};
  const issue: Proposal['issue'] = {};

  // 1. Masthead: the lines up to "N° 25 – Spring 2002" (looked for near the top only).
  let numberAt = -1;
  for (let i = 0; i < Math.min(units.length, 40); i++) {
    const u = units[i]!;
    if (u.t === 'rule') continue;
    const found = readNumberLine(unitText(u, index));
    if (found) {
      numberAt = i;
      issue.number = found.number;
      let label = found.label;
      const next = units[i + 1];
      if (!label && next && next.t !== 'rule' && wholeDate(unitText(next, index), { seasons: true }))
        label = unitText(next, index);
      if (label) issue.coverLabel = clip(label, 80);
      break;
    }
  }
  if (issue.number === undefined)
    flags.push({ path: 'issue.number', message: 'no issue number found (a line such as “N° 25 – Spring 2002”)' });
  if (issue.coverLabel === undefined)
    flags.push({ path: 'issue.coverLabel', message: 'no cover label found (such as “Spring 2002”)' });
  else {
    const coverDate = coverDateOf(issue.coverLabel);
    if (coverDate) {
      issue.coverDate = coverDate;
      flags.push({
        path: 'issue.coverDate',
        message: `derived from “${issue.coverLabel}”: the first day of its first month`,
      });
    } else flags.push({ path: 'issue.coverDate', message: 'no cover date could be derived from the cover label' });
  }

  let pos = 0;
  if (numberAt >= 0) {
    // Running heads that repeat the number line ("N° 24 – Winter 2001") are page furniture further down.
    const numberText = comparable(unitText(units[numberAt]!, index));
    units = units.filter(
      (u, i) =>
        i <= numberAt ||
        !(
          u.t === 'para' &&
          u.lines.length === 1 &&
          u.lines[0]!.length <= 120 &&
          comparable(u.lines[0]!) === numberText
        ),
    );
    const masthead = units.slice(0, numberAt).filter((u): u is Heading | Para => u.t !== 'rule');
    const texts = masthead.map((u) => unitText(u, index)).filter((t) => t.length <= 120);
    if (texts[0]) standing.title = settingCase(texts[0]);
    const rest = texts.slice(1);
    const caps = rest.find((t) => isCapitalsLine(t));
    if (caps) standing.subtitle = settingCase(caps);
    const publisher = rest.find((t) => !isCapitalsLine(t));
    if (publisher) standing.publisher = publisher;
    pos = numberAt + 1;
    const after = units[pos];
    if (after && after.t === 'para') {
      const t = unitText(after, index);
      if (
        t.length <= 150 &&
        /\d/.test(t) &&
        !isProse(t) &&
        !readPublicationLine(t) &&
        !wholeDate(t, { seasons: true })
      ) {
        standing.postalAddress = t;
        pos++;
      }
    }
  }

  // 2. Contents: what stands between the masthead and the first prose (or the first heading over prose).
  const contentsTitles = new Map<string, string>();
  while (numberAt >= 0 && pos < units.length) {
    const u = units[pos]!;
    if (u.t === 'li') break;
    const t = unitText(u, index);
    if (u.t === 'para' && isProse(t)) break;
    const next = units[pos + 1];
    if (u.t === 'heading' && (u.md > 0 || (next && next.t === 'li'))) break;
    // A section heading over an item heading over prose: the body has begun.
    const after = units[pos + 2];
    if (u.t === 'heading' && next?.t === 'heading' && after?.t === 'para' && isProse(unitText(after, index))) break;
    if (u.t === 'heading' && next && next.t === 'para') {
      const nt = unitText(next, index);
      if (isProse(nt) && !isDisclaimer(nt)) break;
    }
    if (u.t === 'para' && t.length <= 200) contentsTitles.set(comparable(t), t);
    pos++;
  }

  // 3. The standing disclaimer, and any text before the first heading.
  const orphan: Block[] = [];
  while (pos < units.length && units[pos]!.t !== 'heading') {
    const u = units[pos]!;
    const t = unitText(u, index);
    if (u.t === 'para' && standing.disclaimer === undefined && orphan.length === 0 && isDisclaimer(t))
      standing.disclaimer = clip(t, 5000);
    else orphan.push(toBlock(u, index));
    pos++;
  }

  // Words the document prints in capitals inside its sentences: acronyms to keep in titles ("SAARC", "EU").
  const acronyms = new Set<string>();
  for (let i = pos; i < units.length; i++) {
    const u = units[i]!;
    if (u.t !== 'para' && u.t !== 'li') continue;
    for (const line of u.lines)
      for (const w of words(line.length > 5000 ? line.slice(0, 5000) : line))
        if (w.length >= 2 && isCapitalsWord(w)) acronyms.add(w.toUpperCase());
  }

  // 4. Sections and items.
  const sections: DraftSection[] = [];
  const mdLevels = units.slice(pos).filter((u): u is Heading => u.t === 'heading' && u.md > 0);
  const sectionLevel =
    mdLevels.find((h) => matchSection(h.text, template) || soundsLikeSection(h.text))?.md ??
    (mdLevels.length ? Math.min(...mdLevels.map((h) => h.md)) : 0);

  let current: DraftSection | null = null;
  let item: Draft | null = null;
  let pending: { note: string; from: Draft | null } | null = null;

  const openLead = (): DraftSection => {
    const lead = leadSection(template);
    const s: DraftSection = {
      title: lead?.title ?? 'Lead',
      acceptsKind: lead ? lead.acceptsKind : 'ARTICLE',
      fromTemplate: !!lead,
      items: [],
    };
    sections.push(s);
    return s;
  };
  const newItem = (section: DraftSection, heading: string | undefined, caps: boolean): Draft => {
    const standingSection = /\b(exchange|networking)\b/i.test(section.title);
    const d: Draft = {
      kind: kindForSection(section.title, section.acceptsKind),
      heading,
      headingIsCaps: caps,
      blocks: [],
      pubLines: [],
      standing: standingSection && heading === undefined,
      titleFromSection: heading === undefined,
    };
    section.items.push(d);
    return d;
  };
  const settlePending = (toNext: Draft | null) => {
    if (!pending) return;
    const target = toNext ?? pending.from;
    if (target) target.availabilityNote = `${pending.note}${toNext ? '|next' : '|previous'}`;
    pending = null;
  };

  if (orphan.length > 0) {
    current = openLead();
    item = newItem(current, undefined, false);
    item.titleFromSection = false;
    item.blocks.push(...orphan);
  }

  for (let i = pos; i < units.length; i++) {
    const u = units[i]!;
    if (u.t === 'heading') {
      const next = units[i + 1];
      const nextIsHeading = !!next && next.t === 'heading' && !(next.md > sectionLevel + 1);
      const isMd = u.md > 0;
      if (isMd && u.md > sectionLevel + 1 && item) {
        item.blocks.push({ t: 'sub', text: u.text });
        continue;
      }
      const asSection =
        (!isMd || u.md <= sectionLevel) &&
        (matchSection(u.text, template) !== null ||
          soundsLikeSection(u.text) ||
          (nextIsHeading && !isMd) ||
          (isMd && u.md < sectionLevel + 1 && nextIsHeading));
      if (asSection) {
        settlePending(null);
        const match = matchSection(u.text, template);
        const caps = isCapitalsLine(u.text);
        current = {
          heading: u.text,
          title: match ? match.entry.title : caps ? titleCase(u.text, acronyms) : u.text,
          acceptsKind: match ? match.entry.acceptsKind : null,
          fromTemplate: !!match,
          ambiguousWith: match?.ambiguousWith?.title,
          items: [],
        };
        sections.push(current);
        item = null;
      } else {
        current ??= openLead();
        item = newItem(current, u.text, isCapitalsLine(u.text));
        settlePending(item);
      }
      continue;
    }
    current ??= openLead();
    if (u.t === 'rule') {
      if (item) item.blocks.push({ t: 'rule' });
      continue;
    }
    const t = unitText(u, index);
    if (u.t === 'para') {
      const availability = availabilityLine(t);
      if (availability) {
        if (item && item.kind === 'PUBLICATION_REVIEW' && item.blocks.length === 0)
          item.pubLines.push({ availability });
        else pending = { note: t, from: item };
        continue;
      }
      if (item && item.kind === 'PUBLICATION_REVIEW' && item.blocks.length === 0 && u.lines.length <= 2) {
        const line = readPublicationLine(t);
        if (line) {
          item.pubLines.push(line);
          continue;
        }
      }
      if (isAddressBlock(u)) {
        readAddressBlock(u.lines, standing);
        continue;
      }
    }
    item ??= newItem(current, undefined, false);
    const block = toBlock(u, index);
    if (block.t === 'para' && !block.lines && isSubheading(t, item.blocks[item.blocks.length - 1], units[i + 1], index))
      item.blocks.push({ t: 'sub', text: t });
    else item.blocks.push(block);
  }
  settlePending(null);

  // 5. Proposals.
  const proposedSections: ProposedSection[] = [];
  for (const s of sections) {
    const sectionIndex = proposedSections.length;
    const ps: ProposedSection = { title: clip(s.title, 120), items: [] };
    if (s.heading && s.heading !== s.title) ps.heading = s.heading;
    if (s.acceptsKind !== undefined) ps.acceptsKind = s.acceptsKind;
    ps.fromTemplate = s.fromTemplate;
    if (s.ambiguousWith)
      flags.push({
        path: `sections[${sectionIndex}].title`,
        message: `the heading “${s.heading}” could be the template's “${s.title}” or “${s.ambiguousWith}”; the first is proposed`,
      });
    else if (!s.fromTemplate && s.heading)
      flags.push({
        path: `sections[${sectionIndex}].title`,
        message: `“${s.heading}” is not a section of the template: a new section is proposed`,
      });
    for (const d of s.items) {
      const path = `sections[${sectionIndex}].items[${ps.items.length}]`;
      const built = buildItem(d, s, { acronyms, contentsTitles, standing, path, flags });
      if (built) ps.items.push(built);
    }
    if (ps.items.length > 0) proposedSections.push(ps);
    else if (s.heading)
      flags.push({ path: 'sections', message: `the heading “${s.heading}” has no text under it: it is left out` });
  }

  const proposal: Proposal = { issue, sections: proposedSections, flags };
  const standingKeys = Object.keys(standing) as (keyof ProposedStanding)[];
  if (standingKeys.length > 0) proposal.standing = standing;
  return proposal;
}

const isCapitalsWord = (w: string) => {
  let upper = 0;
  for (const ch of w) {
    if (isLower(ch)) return false;
    if (isUpper(ch)) upper++;
  }
  return upper >= 2;
};

/** The masthead's title in the case the settings use ("TRAFFICKING IN MIGRANTS" → "Trafficking in Migrants"). */
function settingCase(s: string): string {
  return isCapitalsLine(s) ? titleCase(s) : s;
}

/** Bare page numbers and "Page 3" lines left by a PDF's page furniture. */
function isPageNoise(u: Unit): boolean {
  if (u.t !== 'para' || u.lines.length !== 1) return false;
  const s = u.lines[0]!.trim().toLowerCase();
  if (s.length > 16) return false;
  let core = s.startsWith('page ') ? s.slice(5) : s;
  core = core.replace(/^[-–—\s]+|[-–—\s]+$/g, '');
  return core.length > 0 && core.length <= 3 && /^\d+$/.test(core);
}

function toBlock(u: Unit, index: WordIndex): Block {
  if (u.t === 'rule') return { t: 'rule' };
  if (u.t === 'heading') return { t: 'sub', text: u.text };
  if (u.t === 'li') return { t: 'li', ordered: u.ordered, n: u.n, text: collapseSpaces(joinLines(u.lines, index)) };
  if (isAddressBlock(u)) return { t: 'para', text: u.lines.join(' '), lines: u.lines.map((l) => collapseSpaces(l)) };
  return { t: 'para', text: collapseSpaces(joinLines(u.lines, index)) };
}

/** A short line between two paragraphs, not ending a sentence: a subheading inside an item ("Further developments in Europe"). */
function isSubheading(t: string, prev: Block | undefined, next: Unit | undefined, index: WordIndex): boolean {
  if (t.length > 90 || words(t).length > 12 || endsSentence(t) || !isUpper(t[0])) return false;
  if (!prev || prev.t !== 'para' || !endsSentence(prev.text)) return false;
  if (!next || next.t !== 'para') return false;
  return isUpper(firstLetter(unitText(next, index)));
}

function readAddressBlock(lines: string[], standing: ProposedStanding) {
  const postal: string[] = [];
  for (const raw of lines) {
    const line = collapseSpaces(raw);
    const lower = line.toLowerCase();
    // "Tel. +41.22.717 9111 Fax +41.22.798 6150": the phone, without the fax.
    if (/^(tel|phone|telephone)\b/.test(lower)) {
      let phone = line.replace(/^(tel|phone|telephone)\.?:?\s*/i, '');
      const fax = phone.toLowerCase().indexOf('fax');
      if (fax >= 0) phone = phone.slice(0, fax).trim();
      if (phone && /^[+()\d][\d\s().\-/]*$/.test(phone)) standing.contactPhone = phone;
      continue;
    }
    if (/^fax\b/.test(lower)) continue;
    if (/^(e-?mail)\b/.test(lower) || (line.includes('@') && !line.includes(' '))) {
      const at = line.replace(/^e-?mail\s*:?\s*/i, '').trim();
      if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(at)) standing.contactEmail = at.toLowerCase();
      continue;
    }
    if (/^(web|internet|www\.)/.test(lower)) {
      const site = line.replace(/^(web|internet)\s*(site)?\s*:?\s*/i, '').trim();
      if (/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(site)) standing.webAddress = `https://${site}`;
      else if (/^https?:\/\/\S+$/i.test(site)) standing.webAddress = site;
      continue;
    }
    if (standing.title && comparable(line) === comparable(standing.title)) continue;
    postal.push(line);
  }
  if (postal.length > 0) standing.postalAddress = postal.join(', ');
}

// --- One item -----------------------------------------------------------------------------------------

type BuildContext = {
  acronyms: Set<string>;
  contentsTitles: Map<string, string>;
  standing: ProposedStanding;
  path: string;
  flags: ImportFlag[];
};

const REPRODUCTION = (s: string) => {
  const lower = s.toLowerCase();
  return (
    lower.includes('reproduc') &&
    (lower.includes('permission') || lower.includes('authori') || lower.includes('consent'))
  );
};

function buildItem(d: Draft, section: DraftSection, ctx: BuildContext): ProposedItem | null {
  const { path, flags } = ctx;
  const blocks = [...d.blocks];

  // Standing text: the reproduction notice goes to the settings, not into every issue.
  if (d.standing || /\b(exchange)\b/i.test(section.title)) {
    for (const b of blocks) {
      if (b.t !== 'para' || b.lines) continue;
      const kept: string[] = [];
      for (const s of sentences(b.text)) {
        if (REPRODUCTION(s) && !ctx.standing.reproductionNotice) ctx.standing.reproductionNotice = clip(s, 5000);
        else kept.push(s);
      }
      b.text = kept.join(' ');
    }
  }
  const nonEmpty = blocks.filter((b) => b.t === 'rule' || b.text.trim() !== '');
  if (nonEmpty.length === 0 && !d.heading) return null;

  const item: ProposedItem = { kind: d.kind, body: { type: 'doc', content: [] } };
  // Title.
  if (d.heading) item.title = clip(titleOf(d.heading, d.headingIsCaps, ctx), 300);
  else if (d.titleFromSection) {
    item.title = section.title;
    if (!d.standing)
      flags.push({ path: `${path}.title`, message: 'no item heading found: the section’s title is proposed' });
  } else flags.push({ path: `${path}.title`, message: 'no heading found for this text' });
  if (d.standing) {
    item.standing = true;
    flags.push({
      path: `${path}.standing`,
      message: 'standing text, printed in every issue: leave it out if the site says it elsewhere',
    });
  }

  // Standfirst: a short first paragraph over a longer text (not for reviews, whose first lines are the publication's).
  const inline = new Map<Block, InlineText>();
  const inl = (b: Block & { text: string }) => {
    let v = inline.get(b);
    if (!v) {
      v = parseInline(b.text);
      inline.set(b, v);
    }
    return v;
  };
  const paragraphs = nonEmpty.filter((b): b is Block & { t: 'para' } => b.t === 'para' && !b.lines);
  const first = nonEmpty[0];
  let bodyBlocks = nonEmpty;
  if (
    d.kind !== 'PUBLICATION_REVIEW' &&
    first &&
    first.t === 'para' &&
    !first.lines &&
    nonEmpty.length >= 2 &&
    inl(first).plain.length <= 320
  ) {
    item.standfirst = inl(first).plain.trim();
    bodyBlocks = nonEmpty.slice(1);
  }
  item.body = toDoc(bodyBlocks, inl);
  if (!item.body.content.length && !item.standfirst) flags.push({ path: `${path}.body`, message: 'no text found' });

  // Facts.
  if (d.kind === 'MEETING_REPORT') {
    const found = extractMeeting(paragraphs.map((p) => inl(p)));
    item.meeting = found.meeting;
    for (const p of found.problems) flags.push({ path: `${path}.meeting.${p.field}`, message: p.message });
  }
  if (d.kind === 'PUBLICATION_REVIEW') {
    const publication: ProposedPublication = {};
    if (item.title) publication.title = clip(item.title, 500);
    for (const line of d.pubLines) {
      if (!line) continue;
      if (line.authors && !publication.authors) publication.authors = clip(line.authors, 600);
      if (line.issuingBody && !publication.issuingBody) publication.issuingBody = clip(line.issuingBody, 300);
      if (line.kind && !publication.kind) publication.kind = line.kind;
      if (line.availability && !publication.availability) publication.availability = line.availability;
      if (line.date && !publication.date) {
        publication.year = line.date.year;
        publication.date = line.date.startDate;
        publication.datePrecision = line.date.precision;
      }
    }
    if (d.availabilityNote) {
      const [note, where] = d.availabilityNote.split('|');
      const availability = availabilityLine(note!);
      if (availability && !publication.availability) {
        publication.availability = availability;
        flags.push({
          path: `${path}.publication.availability`,
          message:
            where === 'next'
              ? `“${note}” stood between the previous item and this one: it is given to this one (the item it heads)`
              : `“${note}” stood after this item, at the end of its section: it is given to this one`,
        });
      }
    }
    if (!publication.availability) {
      const text = paragraphs
        .slice(0, 2)
        .map((p) => inl(p).plain)
        .join(' ');
      const phrase = forthcomingPhrase(text.length > 20_000 ? text.slice(0, 20_000) : text);
      if (phrase) {
        publication.availability = 'FORTHCOMING';
        flags.push({ path: `${path}.publication.availability`, message: `read from the text (“${phrase}”)` });
      }
    }
    if (!publication.kind && item.title) {
      const kind = kindNamedIn(item.title);
      if (kind) publication.kind = kind;
    }
    if (!publication.kind)
      flags.push({
        path: `${path}.publication.kind`,
        message: 'the text does not say what kind of publication this is',
      });
    if (!publication.issuingBody)
      flags.push({ path: `${path}.publication.issuingBody`, message: 'no issuing body found' });
    if (!publication.date) flags.push({ path: `${path}.publication.date`, message: 'no date or year found' });
    item.publication = publication;
  } else if (d.availabilityNote) {
    const [note] = d.availabilityNote.split('|');
    flags.push({
      path: `${path}.title`,
      message: `“${note}” stood before this item, which is not a publication review: dropped`,
    });
  }

  // Tags: countries in the title, and the meeting's country.
  const tags: ProposedTag[] = [];
  const seen = new Set<string>();
  const addCountry = (name: string) => {
    if (seen.has(name) || tags.length >= 30) return;
    seen.add(name);
    tags.push({ kind: 'COUNTRY', name });
  };
  if (item.title) for (const c of countriesIn(item.title)) addCountry(c);
  if (item.meeting?.country) addCountry(item.meeting.country);
  if (tags.length) item.tags = tags;
  // Keys in the order of the documented shape: kind, title, standfirst, body, then the facts.
  const ordered = { kind: item.kind } as ProposedItem;
  if (item.title !== undefined) ordered.title = item.title;
  if (item.standfirst !== undefined) ordered.standfirst = item.standfirst;
  ordered.body = item.body;
  if (item.meeting) ordered.meeting = item.meeting;
  if (item.publication) ordered.publication = item.publication;
  if (item.tags) ordered.tags = item.tags;
  if (item.standing) ordered.standing = true;
  return ordered;
}

function titleOf(heading: string, caps: boolean, ctx: BuildContext): string {
  let h = collapseSpaces(heading);
  while (h.endsWith('.')) h = h.slice(0, -1);
  if (!caps) return h;
  const fromContents = ctx.contentsTitles.get(comparable(h));
  if (fromContents) return fromContents;
  return titleCase(h, ctx.acronyms);
}

function toDoc(blocks: Block[], inl: (b: Block & { text: string }) => InlineText): RichTextDoc {
  const content: RichTextNode[] = [];
  let list: { ordered: boolean; node: RichTextNode & { type: 'bulletList' | 'orderedList' } } | null = null;
  for (const b of blocks) {
    if (b.t === 'li') {
      if (!list || list.ordered !== b.ordered) {
        const node = b.ordered
          ? ({ type: 'orderedList', content: [], ...(b.n > 1 ? { attrs: { start: b.n } } : {}) } as RichTextNode & {
              type: 'orderedList';
            })
          : ({ type: 'bulletList', content: [] } as RichTextNode & { type: 'bulletList' });
        list = { ordered: b.ordered, node };
        content.push(node);
      }
      const nodes = inl(b).nodes;
      list.node.content.push({
        type: 'listItem',
        content: [nodes.length ? { type: 'paragraph', content: nodes } : { type: 'paragraph' }],
      });
      continue;
    }
    list = null;
    if (b.t === 'rule') content.push({ type: 'horizontalRule' });
    else if (b.t === 'sub') {
      const nodes = parseInline(b.text).nodes.map((n) =>
        n.type === 'text' ? { type: 'text' as const, text: n.text } : n,
      );
      if (nodes.length) content.push({ type: 'heading', attrs: { level: 3 }, content: nodes });
    } else if (b.lines) {
      const nodes: RichTextNode[] = [];
      b.lines.forEach((line, i) => {
        if (i > 0) nodes.push({ type: 'hardBreak' });
        nodes.push(...parseInline(line).nodes);
      });
      content.push({ type: 'paragraph', content: nodes });
    } else {
      const nodes = inl(b).nodes;
      if (nodes.length) content.push({ type: 'paragraph', content: nodes });
    }
  }
  return { type: 'doc', content };
}
