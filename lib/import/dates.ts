import type { DatePrecision } from '@/generated/prisma/enums';
import { isDigit, isLetter } from './text';

/**
 * Dates as bulletins spell them, found by a scanner over tokens (one pass, a few tokens of lookahead):
 *   "26 to 28 February 2002", "22-23 February 2002", "28 November to 1 December 2001",
 *   "11 March 2002", "March 2, 2002", "in January 2002", "September 2002", "March and April 2001",
 *   "2001" (only where a year alone is asked for), "Spring 2002" (seasons, for cover labels).
 */

export type FoundDate = {
  /** Character offsets of the date in the text scanned. */
  start: number;
  end: number;
  startDate: string;
  endDate?: string;
  precision: DatePrecision;
  year: number;
};

const MONTHS: Record<string, number> = {};
[
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

export const SEASON_MONTH: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

type Token = { text: string; lower: string; start: number; end: number; kind: 'word' | 'num' | 'punct' };

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (isDigit(ch)) {
      let j = i;
      while (j < s.length && isDigit(s[j])) j++;
      out.push({ text: s.slice(i, j), lower: s.slice(i, j), start: i, end: j, kind: 'num' });
      i = j;
    } else if (isLetter(ch)) {
      let j = i;
      while (j < s.length && isLetter(s[j])) j++;
      const text = s.slice(i, j);
      out.push({ text, lower: text.toLowerCase(), start: i, end: j, kind: 'word' });
      i = j;
    } else if (ch === ' ' || ch === '*' || ch === '_') {
      i++;
    } else {
      out.push({ text: ch, lower: ch, start: i, end: i + 1, kind: 'punct' });
      i++;
    }
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function monthOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'word') return null;
  return MONTHS[t.lower] ?? null;
}
function dayOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'num' || t.text.length > 2) return null;
  const n = Number(t.text);
  return n >= 1 && n <= 31 ? n : null;
}
function yearOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'num' || t.text.length !== 4) return null;
  const n = Number(t.text);
  return n >= 1900 && n <= 2099 ? n : null;
}
const isRangeWord = (t: Token | undefined) =>
  !!t &&
  (t.text === '-' ||
    t.text === '–' ||
    t.text === '—' ||
    t.lower === 'to' ||
    t.lower === 'and' ||
    t.lower === 'until' ||
    t.lower === 'till');
const ORDINAL = new Set(['st', 'nd', 'rd', 'th']);

export type ScanOptions = { yearsAlone?: boolean; seasons?: boolean };

/** Every date in the text, in order. */
export function scanDates(s: string, options: ScanOptions = {}): FoundDate[] {
  const t = tokenize(s);
  const out: FoundDate[] = [];
  // Skips an ordinal suffix ("1st") and a period after an abbreviated month ("Feb.").
  const skipSuffix = (i: number) =>
    t[i] && t[i]!.kind === 'word' && ORDINAL.has(t[i]!.lower) && t[i - 1]?.end === t[i]!.start ? i + 1 : i;
  const skipDot = (i: number) => (t[i]?.text === '.' ? i + 1 : i);
  const skipComma = (i: number) => (t[i]?.text === ',' ? i + 1 : i);
  const valid = (y: number, m: number, d: number) => d <= daysIn(y, m);

  let i = 0;
  while (i < t.length) {
    const found = matchAt(i);
    if (found) {
      out.push(found.date);
      i = found.next;
    } else i++;
  }
  return out;

  function matchAt(i: number): { date: FoundDate; next: number } | null {
    const a = t[i]!;
    const d1 = dayOf(a);
    if (d1 !== null) {
      const j = skipSuffix(i + 1);
      // D Month YYYY [– D Month YYYY]
      const m1 = monthOf(t[j]);
      if (m1 !== null) {
        let k = skipDot(j + 1);
        // D Month – D Month YYYY
        if (isRangeWord(t[k]) && dayOf(t[k + 1]) !== null) {
          const d2 = dayOf(t[k + 1])!;
          const kk = skipSuffix(k + 2);
          const m2 = monthOf(t[kk]);
          if (m2 !== null) {
            const ky = skipComma(skipDot(kk + 1));
            const y2 = yearOf(t[ky]);
            if (y2 !== null) {
              const y1 = m1 > m2 ? y2 - 1 : y2;
              if (valid(y1, m1, d1) && valid(y2, m2, d2))
                return day(a.start, t[ky]!.end, iso(y1, m1, d1), iso(y2, m2, d2), y1, ky + 1);
            }
          }
        }
        k = skipComma(k);
        const y1 = yearOf(t[k]);
        if (y1 !== null && valid(y1, m1, d1)) {
          // D Month YYYY – D Month YYYY
          const r = k + 1;
          if (isRangeWord(t[r]) && dayOf(t[r + 1]) !== null) {
            const d2 = dayOf(t[r + 1])!;
            const rm = skipSuffix(r + 2);
            const m2 = monthOf(t[rm]);
            const ry = skipComma(skipDot(rm + 1));
            const y2 = yearOf(t[ry]);
            if (m2 !== null && y2 !== null && valid(y2, m2, d2) && iso(y2, m2, d2) >= iso(y1, m1, d1))
              return day(a.start, t[ry]!.end, iso(y1, m1, d1), iso(y2, m2, d2), y1, ry + 1);
          }
          return day(a.start, t[k]!.end, iso(y1, m1, d1), undefined, y1, k + 1);
        }
        return null;
      }
      // D – D Month YYYY
      if (isRangeWord(t[j]) && dayOf(t[j + 1]) !== null) {
        const d2 = dayOf(t[j + 1])!;
        const jm = skipSuffix(j + 2);
        const m = monthOf(t[jm]);
        if (m !== null) {
          const jy = skipComma(skipDot(jm + 1));
          const y = yearOf(t[jy]);
          if (y !== null && d2 >= d1 && valid(y, m, d2))
            return day(a.start, t[jy]!.end, iso(y, m, d1), iso(y, m, d2), y, jy + 1);
        }
      }
      return null;
    }
    const m1 = monthOf(a);
    if (m1 !== null) {
      // "May" is also a verb: only a month when a day or a year follows.
      let j = skipDot(i + 1);
      const dd = dayOf(t[j]);
      if (dd !== null) {
        // Month D[–D], YYYY
        let k = skipSuffix(j + 1);
        let dEnd: number | null = null;
        if (isRangeWord(t[k]) && dayOf(t[k + 1]) !== null) {
          dEnd = dayOf(t[k + 1]);
          k = skipSuffix(k + 2);
        }
        k = skipComma(k);
        const y = yearOf(t[k]);
        if (y !== null && valid(y, m1, dd) && (dEnd === null || (dEnd >= dd && valid(y, m1, dEnd))))
          return day(a.start, t[k]!.end, iso(y, m1, dd), dEnd === null ? undefined : iso(y, m1, dEnd), y, k + 1);
        return null;
      }
      // Month [– Month] YYYY
      if (isRangeWord(t[j]) && monthOf(t[j + 1]) !== null) {
        const m2 = monthOf(t[j + 1])!;
        const k = skipComma(skipDot(j + 2));
        const y = yearOf(t[k]);
        if (y !== null) {
          const y1 = m1 > m2 ? y - 1 : y;
          return month(a.start, t[k]!.end, iso(y1, m1, 1), iso(y, m2, 1), y1, k + 1);
        }
        return null;
      }
      j = skipComma(j);
      const y = yearOf(t[j]);
      if (y !== null) return month(a.start, t[j]!.end, iso(y, m1, 1), undefined, y, j + 1);
      return null;
    }
    if (options.seasons && a.kind === 'word' && SEASON_MONTH[a.lower] !== undefined) {
      const y = yearOf(t[i + 1]);
      if (y !== null) return month(a.start, t[i + 1]!.end, iso(y, SEASON_MONTH[a.lower]!, 1), undefined, y, i + 2);
    }
    // ISO 8601: 2002-02-26
    const y = yearOf(a);
    if (y !== null) {
      if (t[i + 1]?.text === '-' && t[i + 2]?.kind === 'num' && t[i + 3]?.text === '-' && t[i + 4]?.kind === 'num') {
        const m = Number(t[i + 2]!.text);
        const d = Number(t[i + 4]!.text);
        if (m >= 1 && m <= 12 && d >= 1 && valid(y, m, d) && t[i + 2]!.text.length === 2 && t[i + 4]!.text.length === 2)
          return day(a.start, t[i + 4]!.end, iso(y, m, d), undefined, y, i + 5);
      }
      if (options.yearsAlone)
        return {
          date: { start: a.start, end: a.end, startDate: iso(y, 1, 1), precision: 'YEAR', year: y },
          next: i + 1,
        };
    }
    return null;
  }

  function day(start: number, end: number, startDate: string, endDate: string | undefined, year: number, next: number) {
    const date: FoundDate = { start, end, startDate, precision: 'DAY', year };
    if (endDate && endDate !== startDate) date.endDate = endDate;
    return { date, next };
  }
  function month(
    start: number,
    end: number,
    startDate: string,
    endDate: string | undefined,
    year: number,
    next: number,
  ) {
    const date: FoundDate = { start, end, startDate, precision: 'MONTH', year };
    if (endDate && endDate !== startDate) date.endDate = endDate;
    return { date, next };
  }
}

/** The one date a whole text is, or null ("26 to 28 February 2002" yes, "held on 11 March 2002" no). */
export function wholeDate(s: string, options: ScanOptions = {}): FoundDate | null {
  if (s.length > 300) return null;
  let trimmed = s.trim();
  while (trimmed && '.,;:'.includes(trimmed[trimmed.length - 1]!)) trimmed = trimmed.slice(0, -1).trimEnd();
  const found = scanDates(trimmed, options);
  if (found.length !== 1) return null;
  const f = found[0]!;
  const before = trimmed.slice(0, f.start).trim().toLowerCase();
  const after = trimmed.slice(f.end).trim();
  if (after !== '') return null;
  if (
    before === '' ||
    ['in', 'on', 'from', 'since', 'during', 'early', 'late', 'mid', 'in early', 'in late', 'in mid'].includes(before)
  )
    return f;
  return null;
}

/** The cover date of a label such as "Spring 2002" or "March 2002": the first day of its first month. */
export function coverDateOf(label: string): string | null {
  const found = wholeDate(label, { seasons: true });
  return found ? found.startDate : null;
}
