import 'server-only';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseName } from '@citation-js/name';
import type { Availability, DatePrecision, PublicationKind } from '@/generated/prisma/enums';
import type { CitationFormat } from '@/lib/reader-paths';

/**
 * Citations of publications as RIS, BibTeX and CSL-JSON, made by Citation.js from one CSL-JSON
 * record per publication (CSL-JSON is Citation.js's own data model, so that format is the record).
 *
 * Three things are done here rather than by the library:
 * - Names without a given name (an organisation as author) reach Citation.js 0.8's BibTeX writer
 *   unescaped: `{IOM Österreich}`, and a brace in one would unbalance the entry. They are escaped
 *   for LaTeX here (latexEscape), for the BibTeX output only.
 * - In titles, it protects capitalised words from a style's case changes ({Balkans}) but not those
 *   whose capital is an accented letter ({\" O}sterreich would print "österreich"): those words are
 *   marked "nocase" here.
 * - Its RIS writer wraps values every 70 characters with a bare newline, even inside a word, which
 *   importers read as a broken value; the lines are written here from its tag objects instead, one
 *   tag a line, CRLF-terminated.
 */

export type CitablePublication = {
  id: string;
  title: string;
  authors: string;
  issuingBody: string;
  date: Date | null;
  datePrecision: DatePrecision;
  kind: PublicationKind;
  availability: Availability;
  url: string | null;
  isbn: string | null;
};

type CslName = { literal?: string; given?: string; family?: string; [part: string]: string | undefined };
export type CslItem = {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  publisher?: string;
  issued?: { 'date-parts': number[][] };
  status?: string;
  note?: string;
  URL?: string;
  ISBN?: string;
};

const cslType: Record<PublicationKind, string> = {
  RESEARCH_REPORT: 'report',
  ASSESSMENT: 'report',
  COUNTRY_REPORT: 'report',
  MANUAL: 'book',
  JOURNAL: 'periodical',
  OTHER: 'document',
};

/** "Donna M. Hughes and Tomas Berzins; A. N. Other" → person names; otherwise the issuing body. */
function authorsOf(p: CitablePublication): CslName[] {
  const people = p.authors
    .split(/\s*;\s*|\s+and\s+|\s*&\s*/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n): CslName => {
      const name = parseName(n);
      return name.family && name.given ? name : { literal: n };
    });
  if (people.length > 0) return people;
  return p.issuingBody ? [{ literal: p.issuingBody }] : [];
}

/** The authors as people write them ("Donna M. Hughes"), for meta tags. */
export function authorNames(p: CitablePublication): string[] {
  return authorsOf(p).map(
    (n) => n.literal ?? [n.given, n['non-dropping-particle'], n.family].filter(Boolean).join(' '),
  );
}

function dateParts(date: Date, precision: DatePrecision): number[] {
  const parts = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  return parts.slice(0, precision === 'YEAR' ? 1 : precision === 'MONTH' ? 2 : 3);
}

/** A URL as citation managers and LaTeX's \url take it: braces and backslashes percent-encoded. */
function safeUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));
}

/** The CSL-JSON record of a publication. Forthcoming ones say so (status and note). */
export function toCsl(p: CitablePublication): CslItem {
  const item: CslItem = { id: `quire-publication-${p.id}`, type: cslType[p.kind], title: p.title };
  const author = authorsOf(p);
  if (author.length) item.author = author;
  if (p.issuingBody) item.publisher = p.issuingBody;
  if (p.date) item.issued = { 'date-parts': [dateParts(p.date, p.datePrecision)] };
  if (p.availability === 'FORTHCOMING') {
    item.status = 'forthcoming';
    item.note = 'Forthcoming';
  }
  if (p.url) item.URL = safeUrl(p.url);
  if (p.isbn) item.ISBN = p.isbn;
  return item;
}

const LATEX_ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030A': 'r',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
};
const LATEX_LETTERS: Record<string, string> = {
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
  '\u00a0': '~',
};
const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text for a BibTeX value: LaTeX's special characters escaped, accented letters as accent commands. */
export function latexEscape(text: string): string {
  let out = '';
  for (const char of text.normalize('NFD')) {
    const accent = LATEX_ACCENTS[char];
    if (accent !== undefined) {
      // Wrap the letter just written: é → {\'e}.
      const match = /(\{\\[a-zA-Z]+\}|\{\\.[^{}]*\}|[\s\S])$/.exec(out);
      const base = match ? match[1]! : '';
      out = `${out.slice(0, out.length - base.length)}{\\${accent}${/^[a-zA-Z]$/.test(accent) ? ' ' : ''}${base}}`;
    } else if (/\p{M}/u.test(char)) {
      // Another combining mark: dropped (the base letter stays).
    } else {
      out += LATEX_SPECIALS[char] ?? LATEX_LETTERS[char] ?? char;
    }
  }
  return out;
}

// A word with a capital outside ASCII (Österreich, Łódź): Citation.js protects capitalised words from
// a style's case changes with braces, but misses these once the letter is an accent command.
const NON_ASCII_CAPITAL_WORD = /[\p{L}\p{M}]*(?:(?![A-Z])\p{Lu})[\p{L}\p{M}]*/gu;

function bibtexReady(item: CslItem): CslItem {
  return {
    ...item,
    // CSL rich text: a "nocase" span is what Citation.js writes as a brace-protected group.
    title: item.title.replace(NON_ASCII_CAPITAL_WORD, (w) => `<span class="nocase">${w}</span>`),
    author: item.author?.map((n) => (n.literal !== undefined ? { literal: latexEscape(n.literal) } : n)),
  };
}

function risText(items: CslItem[]): string {
  const entries = new Cite(items).format('ris', { format: 'object' });
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`TY  - ${entry.TY}`);
    for (const [tag, raw] of Object.entries(entry)) {
      if (tag === 'TY') continue;
      for (const value of ([] as string[]).concat(raw)) {
        // RIS dates are YYYY/MM/DD/other: months and days in two digits.
        const text = tag === 'DA' ? value.replace(/\/(\d)(?=\/)/g, '/0$1') : value;
        lines.push(`${tag}  - ${String(text).replace(/\s+/g, ' ').trim()}`);
      }
    }
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}

export const CITATION_TYPES: Record<CitationFormat, { contentType: string; extension: string }> = {
  bibtex: { contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
  ris: { contentType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
  'csl-json': { contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' },
};

/** The citations of some publications in one format, as the file's text. */
export function formatCitations(publications: CitablePublication[], format: CitationFormat): string {
  const items = publications.map(toCsl);
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (items.length === 0) return '';
  if (format === 'ris') return risText(items);
  return new Cite(items.map(bibtexReady)).format('bibtex');
}
