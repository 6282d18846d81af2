import type { DatePrecision } from '@/generated/prisma/enums';
import { authorNames, type CitablePublication } from './citations';

/**
 * Highwire Press `citation_*` meta tags, which Zotero, Google Scholar and other reference tools read
 * from a page (as they do on OJS journals). Returned as Next metadata's `other` (a name with several
 * values, like citation_author, becomes several tags).
 */
export type CitationMeta = Record<string, string | string[]>;

/** Highwire dates are YYYY/MM/DD, as precise as known. */
export function highwireDate(date: Date, precision: DatePrecision = 'DAY'): string {
  const y = String(date.getUTCFullYear());
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return precision === 'YEAR' ? y : precision === 'MONTH' ? `${y}/${m}` : `${y}/${m}/${d}`;
}

function compact(meta: Record<string, string | string[] | null | undefined>): CitationMeta {
  const out: CitationMeta = {};
  for (const [name, value] of Object.entries(meta)) {
    if (Array.isArray(value) ? value.length > 0 : value) out[name] = value!;
  }
  return out;
}

/** An item of the bulletin, cited as an article in an issue of a journal (the bulletin). */
export function itemCitationMeta(o: {
  title: string;
  author: string | null;
  publishedAt: Date | null;
  issueNumber: number;
  url: string;
  settings: { title: string; publisher: string; issn: string };
}): CitationMeta {
  return compact({
    citation_title: o.title,
    citation_author: o.author ? [o.author] : [],
    citation_publication_date: o.publishedAt ? highwireDate(o.publishedAt) : null,
    citation_journal_title: o.settings.title,
    citation_issue: String(o.issueNumber),
    citation_issn: o.settings.issn,
    citation_publisher: o.settings.publisher,
    citation_language: 'en',
    citation_fulltext_html_url: o.url,
  });
}

/** A publication reviewed in the bulletin, as its own catalogue page describes it. */
export function publicationCitationMeta(p: CitablePublication & { pageUrl: string }): CitationMeta {
  const report = ['RESEARCH_REPORT', 'ASSESSMENT', 'COUNTRY_REPORT'].includes(p.kind);
  return compact({
    citation_title: p.title,
    citation_author: authorNames(p),
    citation_publisher: p.issuingBody,
    citation_technical_report_institution: report ? p.issuingBody : null,
    citation_publication_date: p.date ? highwireDate(p.date, p.datePrecision) : null,
    citation_isbn: p.isbn,
    citation_abstract_html_url: p.pageUrl,
    citation_language: 'en',
  });
}
