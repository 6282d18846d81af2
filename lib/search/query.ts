/**
 * The reader's search as its URL says it (/search?q=…&kind=…&country=…&page=…): parsing and the URL
 * for a set of choices. Pure functions: anything malformed is dropped, never an error, so any address
 * at all gives a page.
 */
import { ItemKind } from '@/generated/prisma/enums';
import { SLUG_PATTERN } from '@/lib/content/public-params';

export type SearchParams = Record<string, string | string[] | undefined>;

/** Longest query searched; the rest of a longer one is ignored (and the page says so). */
export const QUERY_MAX_CHARS = 256;
export const SEARCH_PAGE_SIZE = 20;
const PAGE_MAX = 500;

/** The facets a reader can narrow by, in the order the page shows them. */
export const FACETS = ['kind', 'country', 'region', 'theme', 'year', 'issue'] as const;
export type Facet = (typeof FACETS)[number];
export type TagFacet = Extract<Facet, 'country' | 'region' | 'theme'>;
export const TAG_FACETS: readonly TagFacet[] = ['country', 'region', 'theme'];

export type SearchQuery = {
  /** The words as the reader typed them, cleaned (see cleanQueryText); '' when none. */
  q: string;
  /** True when the typed text was longer than QUERY_MAX_CHARS and was cut. */
  truncated: boolean;
  kind?: ItemKind;
  /** Tag slugs. */
  country?: string;
  region?: string;
  theme?: string;
  year?: number;
  /** A bulletin issue number. */
  issue?: number;
  page: number;
};

function first(params: SearchParams, name: string): string {
  const value = params[name];
  const raw = Array.isArray(value) ? value[0] : value;
  return typeof raw === 'string' ? raw : '';
}

// Control characters (C0 and C1, NUL among them, which PostgreSQL text cannot hold), unpaired UTF-16
// surrogates, and the private-use characters lib/search/headline.ts uses as sentinels.
const UNSAFE =
  /[\u0000-\u001F\u007F-\u009F\uE000-\uE003\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What may be sent to PostgreSQL as a query: no control characters, single spaces, at most QUERY_MAX_CHARS. */
export function cleanQueryText(raw: string): { q: string; truncated: boolean } {
  const cleaned = raw.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned); // by code point, so an emoji is never cut in half
  if (chars.length <= QUERY_MAX_CHARS) return { q: cleaned, truncated: false };
  return { q: chars.slice(0, QUERY_MAX_CHARS).join('').trim(), truncated: true };
}

function slugParam(params: SearchParams, name: string): string | undefined {
  const raw = first(params, name).trim().toLowerCase();
  return raw.length <= 120 && SLUG_PATTERN.test(raw) ? raw : undefined;
}

function intParam(params: SearchParams, name: string, min: number, max: number): number | undefined {
  const raw = first(params, name).trim();
  if (!/^\d{1,6}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

function kindParam(params: SearchParams): ItemKind | undefined {
  const upper = first(params, 'kind').trim().toUpperCase();
  return (Object.values(ItemKind) as string[]).includes(upper) ? (upper as ItemKind) : undefined;
}

export function parseSearchQuery(params: SearchParams): SearchQuery {
  const { q, truncated } = cleanQueryText(first(params, 'q'));
  return {
    q,
    truncated,
    kind: kindParam(params),
    country: slugParam(params, 'country'),
    region: slugParam(params, 'region'),
    theme: slugParam(params, 'theme'),
    year: intParam(params, 'year', 1000, 9999),
    issue: intParam(params, 'issue', 1, 999_999),
    page: intParam(params, 'page', 1, PAGE_MAX) ?? 1,
  };
}

/** The facet choices in force, as [facet, URL value] pairs. */
export function activeFacets(query: SearchQuery): [Facet, string][] {
  const pairs: [Facet, string | undefined][] = [
    ['kind', query.kind?.toLowerCase()],
    ['country', query.country],
    ['region', query.region],
    ['theme', query.theme],
    ['year', query.year?.toString()],
    ['issue', query.issue?.toString()],
  ];
  return pairs.filter((p): p is [Facet, string] => p[1] !== undefined);
}

/**
 * The URL of a search. `change` sets a facet (a value) or removes it (null); any change of the
 * choices starts again at page 1 unless a page is given.
 */
export function searchHref(
  query: SearchQuery,
  change: Partial<Record<Facet, string | null>> & { page?: number; q?: string } = {},
): string {
  const values = new Map<string, string>();
  const q = change.q ?? query.q;
  if (q) values.set('q', q);
  for (const [facet, value] of activeFacets(query)) values.set(facet, value);
  for (const facet of FACETS) {
    const next = change[facet];
    if (next === null) values.delete(facet);
    else if (next !== undefined) values.set(facet, next);
  }
  const page = change.page ?? (Object.keys(change).length > 0 ? 1 : query.page);
  if (page > 1) values.set('page', String(page));
  const search = new URLSearchParams([...values]).toString();
  return search ? `/search?${search}` : '/search';
}

/**
 * The text handed to websearch_to_tsquery. PostgreSQL (18 at least) fails with "tsquery stack too
 * small" on more than 32 negations in a row that have no word to negate ("- - - …", "-----…"), so a
 * minus sign that is not directly followed by a letter, a digit or a quotation mark, and so cannot
 * exclude anything, is sent as a space. Hyphenated words ("Asia-Pacific") are unaffected.
 */
export function tsqueryInput(q: string): string {
  return q.replace(/-(?![\p{L}\p{N}"])/gu, ' ');
}
