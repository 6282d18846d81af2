/**
 * Text helpers of the importer: normalising what a PDF or a word processor produced, telling capitals
 * from ordinary text, and turning a heading in capitals into title case. Every function here is a
 * single pass over its input (no regular expression that can backtrack over a long line).
 */

const REMOVED = new Set([
  0x00ad, // soft hyphen (PDF extraction)
  0x200b, // zero-width space
  0x2060, // word joiner
  0xfeff, // byte-order mark / zero-width no-break space
  // Bidirectional overrides and isolates: invisible, and able to make text read differently than it is stored.
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
]);

/**
 * One text the parser can trust: Unicode NFC, lines ending in "\n", no control characters, tabs and
 * no-break spaces as spaces, form feeds (page breaks from pdftotext) as blank lines.
 */
export function normaliseText(input: string): string {
  const nfc = input.normalize('NFC');
  const parts: string[] = [];
  let from = 0;
  const cut = (i: number, piece: string) => {
    if (i > from) parts.push(nfc.slice(from, i));
    if (piece) parts.push(piece);
  };
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc.charCodeAt(i);
    if (
      c >= 0x20 &&
      c !== 0x7f &&
      !(c >= 0x80 && c <= 0xa0) &&
      c !== 0x2028 &&
      c !== 0x2029 &&
      c !== 0x202f &&
      c !== 0x2007 &&
      !REMOVED.has(c)
    )
      continue;
    if (c === 0x0a) continue;
    if (c === 0x0d) {
      cut(i, '\n');
      if (nfc.charCodeAt(i + 1) === 0x0a) i++;
    } else if (c === 0x0c || c === 0x2029) cut(i, '\n\n');
    else if (c === 0x2028) cut(i, '\n');
    else if (c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x2007) cut(i, ' ');
    else cut(i, '');
    from = i + 1;
  }
  if (from < nfc.length) parts.push(nfc.slice(from));
  return parts.join('');
}

/** The text a duplicate check compares: normalised, each line's spaces collapsed, blank lines dropped. */
export function canonicalForHash(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const collapsed = collapseSpaces(line);
    if (collapsed) kept.push(collapsed);
  }
  return kept.join('\n');
}

/** Runs of spaces become one; trimmed. */
export function collapseSpaces(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      space = out.length > 0;
    } else {
      if (space) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

export const isLetter = (ch: string | undefined): boolean => !!ch && ch.toLowerCase() !== ch.toUpperCase();
export const isUpper = (ch: string | undefined): boolean =>
  isLetter(ch) && ch === ch!.toUpperCase() && ch !== ch!.toLowerCase();
export const isLower = (ch: string | undefined): boolean =>
  isLetter(ch) && ch === ch!.toLowerCase() && ch !== ch!.toUpperCase();
export const isDigit = (ch: string | undefined): boolean => !!ch && ch >= '0' && ch <= '9';

/** Words of a text: runs of letters, digits, apostrophes and inner hyphens. */
export function words(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (isLetter(ch) || isDigit(ch) || ((ch === "'" || ch === '’' || ch === '-') && cur && isLetter(s[i + 1])))
      cur += ch;
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * True for a line set in capitals: at least two letters, none of them lower case (bold markers,
 * digits and punctuation aside), and at least two words of letters unless it is one long word.
 */
export function isCapitalsLine(s: string): boolean {
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (isLower(ch)) return false;
    if (isUpper(ch)) upper++;
  }
  if (upper < 2) return false;
  const alphaWords = words(s).filter((w) => isLetter(w[0]) && w.length >= 2);
  return alphaWords.length >= 2 || (alphaWords.length === 1 && alphaWords[0]!.length >= 5 && !/\d/.test(s));
}

/** The last character that ends a sentence or a list entry, ignoring closing quotes, brackets and bold markers. */
export function endsSentence(s: string): boolean {
  for (let i = s.length - 1; i >= 0; i--) {
    const ch = s[i]!;
    if (
      ch === ' ' ||
      ch === '*' ||
      ch === '_' ||
      ch === '"' ||
      ch === '”' ||
      ch === '’' ||
      ch === "'" ||
      ch === ')' ||
      ch === ']' ||
      ch === '»'
    )
      continue;
    return ch === '.' || ch === '!' || ch === '?' || ch === ':' || ch === ';' || ch === '…';
  }
  return false;
}

/** The first letter of a text, skipping opening quotes, brackets and markers; undefined when there is none nearby. */
export function firstLetter(s: string): string | undefined {
  for (let i = 0; i < s.length && i < 8; i++) {
    const ch = s[i]!;
    if (isLetter(ch)) return ch;
    if (isDigit(ch)) return undefined;
  }
  return undefined;
}

/** Words that cannot end a sentence: a paragraph ending in one of them was cut by a page break. */
export const FUNCTION_WORDS = new Set(
  'a an the and or nor but of in on at to for with by from as into onto than that which whose who its their his her our this these those is are was were be been being has have had between among such per via through under over about against within without including if when while where whether not also'.split(
    ' ',
  ),
);

export function lastWord(s: string): string {
  const ws = words(s.length > 200 ? s.slice(-200) : s);
  return ws[ws.length - 1] ?? '';
}

const SMALL_WORDS = new Set(
  'a an the and or nor but of in on at to for by from as into onto per via vs with against over upon'.split(' '),
);

const KNOWN_ACRONYMS = new Set(
  'IOM UN UNHCR UNICEF UNODC UNDP UNFPA UNIFEM UNICRI ILO ILO-IPEC OSCE ODIHR EU UK US USA NGO NGOS SAARC ASEAN ECOWAS SADC OAS AU OAU NATO ICMPD IGC CIS G8 HIV AIDS II III IV VI VII VIII IX XI XII STOP UKAT THB EUROPOL INTERPOL TIP CEDAW ICRC OHCHR'.split(
    ' ',
  ),
);

const ROMAN = new Set('II III IV VI VII VIII IX XI XII XIII XIV XV XVI XVII XVIII XIX XX'.split(' '));

/** Title case for a heading set in capitals. `acronyms` holds words the document itself prints in capitals. */
export function titleCase(caps: string, acronyms: ReadonlySet<string> = new Set()): string {
  const tokens = caps.split(' ').filter(Boolean);
  let afterColon = true;
  return tokens
    .map((token, index) => {
      const last = index === tokens.length - 1;
      const out = caseToken(token, afterColon, last, acronyms);
      afterColon = /[:?!—–]$/.test(token) || token === '–' || token === '—';
      return out;
    })
    .join(' ');
}

function caseToken(token: string, first: boolean, last: boolean, acronyms: ReadonlySet<string>): string {
  // Keep punctuation around the word: "[UKAT]", "(EU)", "VICTIMS?".
  let start = 0;
  let end = token.length;
  while (start < end && !isLetter(token[start]) && !isDigit(token[start])) start++;
  while (end > start && !isLetter(token[end - 1]) && !isDigit(token[end - 1])) end--;
  const lead = token.slice(0, start);
  const core = token.slice(start, end);
  const tail = token.slice(end);
  if (!core) return token;
  if (lead.endsWith('[') || lead.endsWith('(')) {
    if (core.length <= 6) return token;
  }
  const parts = core.split(/([-/])/);
  const cased = parts
    .map((part, i) => {
      if (part === '-' || part === '/') return part;
      const upper = part.toUpperCase();
      if (KNOWN_ACRONYMS.has(upper) || acronyms.has(upper) || ROMAN.has(upper)) return upper;
      const lower = part.toLowerCase();
      if (i === 0 && !first && !last && SMALL_WORDS.has(lower)) return lower;
      if (/^\d/.test(part)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
  return lead + cased + tail;
}

/** Cuts a text to at most `max` characters at a word boundary, with an ellipsis. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Lower-case words of a heading without punctuation, for comparisons. */
export function comparable(s: string): string {
  return words(s.toLowerCase()).join(' ');
}
