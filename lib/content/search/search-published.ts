import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { ItemKind } from '@/generated/prisma/enums';
import { getDb } from '@/lib/db/client';
import {
  HEADLINE_OPTIONS,
  HEADLINE_TRANSLATE_FROM,
  HEADLINE_TRANSLATE_TO,
  headlineSegments,
} from '@/lib/search/headline';
import type { HeadlineSegment } from '@/lib/search/headline';
import { activeFacets, FACETS, SEARCH_PAGE_SIZE, tsqueryInput, type Facet, type SearchQuery } from '@/lib/search/query';

/**
 * Full-text search of what readers may see, with facet counts: one SQL query (two when the words
 * are all too common to search for and facets are chosen), whatever the number of results and facets.
 *
 * - Matching: "SearchEntry"."search" (prisma/migrations/…_search_entry), a copy of "Item"."search"
 *   (…_search_index) @@ websearch_to_tsquery, so the box takes words, "quoted phrases", OR and
 *   -exclusions, with English stemming and accents folded.
 * - Only published items of published bulletin issues: "SearchEntry" holds a row for those and no
 *   other (database triggers keep it so; tests/integration/search-entry.test.ts), so the reader gate
 *   is a property of the row and the search joins nothing to apply it.
 * - Ranking: ts_rank_cd (normalised by document length), times a recency factor from 1.25 for the
 *   newest bulletin issue down towards 1, its extra halving with every year an issue is older; over
 *   the newest RANK_CAP results (see there).
 * - Facets: each facet's counts apply every other facet's choice but not its own, so the choices
 *   beside a chosen value say how many results switching to them would give; counted from the narrow
 *   rows (the tag ids are an array on the row).
 * - A bounded cost: at most MATCH_CAP matches are read (see there).
 */

export type SearchResult = {
  id: string;
  kind: ItemKind;
  title: string;
  slug: string;
  publishedAt: Date;
  issueNumber: number;
  coverLabel: string;
  sectionTitle: string;
  snippet: HeadlineSegment[];
};

export type FacetValue = { value: string; label: string; count: number; selected: boolean };

export type SearchOutcome = {
  /**
   * 'idle': nothing asked (no words, no facet); 'no-words': words given but none searchable (only
   * very common words or punctuation) and no facet; 'search': words; 'browse': facets only.
   */
  mode: 'idle' | 'no-words' | 'search' | 'browse';
  total: number;
  /**
   * True when the words matched MATCH_CAP items or more: then total, the facets and the ranking
   * cover the first MATCH_CAP matches only (the page says so and suggests narrowing).
   */
  capped: boolean;
  page: number;
  pageCount: number;
  results: SearchResult[];
  facets: Record<Facet, FacetValue[]>;
};

const CONFIG = Prisma.sql`'english_unaccent'::regconfig`;

function emptyFacets(): Record<Facet, FacetValue[]> {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, FacetValue[]>;
}

type Row = {
  words: number;
  matched: number;
  total: number;
  results: (Omit<SearchResult, 'publishedAt' | 'snippet'> & { publishedAt: string; headline: string })[];
  facets: { facet: Facet; value: string; label: string; count: number }[];
};

/**
 * The most matches a search reads. A word found in most items (tens of thousands of matches at
 * 100,000 items) would otherwise cost a read of every one of them: beyond this, the count, the facets
 * and the ranking cover the first MATCH_CAP matches the index gives (in the table's physical order,
 * roughly the order items were published in), before facets are applied, and the page says so. Not
 * applied when browsing facets without words (then every row is read, a scan of the narrow table).
 */
export const MATCH_CAP = 10_000;
/**
 * The most results ranked by relevance: the newest RANK_CAP of the results (by publication date, a
 * cheap order read from the narrow rows). Ranking reads each candidate's vector (a fetch out of line),
 * which is what a common word's cost was made of. Results beyond them follow, newest first.
 */
export const RANK_CAP = 300;

/** The facet conditions on a "SearchEntry" row e, each a boolean ("f_kind" … "f_theme"). */
function facetConditions(query: SearchQuery) {
  // The tag's id from its slug; an unknown slug matches nothing (&& with an empty array is false).
  const tag = (kind: 'COUNTRY' | 'REGION' | 'THEME', slug: string | undefined) =>
    slug === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`e."tagIds" && ARRAY(SELECT t."id" FROM "Tag" t WHERE t."kind" = ${kind}::"TagKind" AND t."slug" = ${slug})`;
  return {
    kind: query.kind === undefined ? Prisma.sql`TRUE` : Prisma.sql`e."kind" = ${query.kind}::"ItemKind"`,
    year: query.year === undefined ? Prisma.sql`TRUE` : Prisma.sql`coalesce(e."year" = ${query.year}, FALSE)`,
    issue: query.issue === undefined ? Prisma.sql`TRUE` : Prisma.sql`e."issueNumber" = ${query.issue}`,
    country: tag('COUNTRY', query.country),
    region: tag('REGION', query.region),
    theme: tag('THEME', query.theme),
  };
}

/** The caps (tests make them small to see them at work). */
export type SearchLimits = { matchCap: number; rankCap: number };

async function runSearch(query: SearchQuery, text: boolean, { matchCap, rankCap }: SearchLimits): Promise<Row> {
  const f = facetConditions(query);
  const all = Prisma.sql`f_kind AND f_year AND f_issue AND f_country AND f_region AND f_theme`;
  const offset = (query.page - 1) * SEARCH_PAGE_SIZE;
  // The query written out (not read from the "input" CTE) where rows are matched and ranked: the
  // planner then folds it to a constant and estimates its matches from the column's statistics.
  const tsquery = Prisma.sql`websearch_to_tsquery(${CONFIG}, ${tsqueryInput(query.q)})`;
  // Only rows that fail at most one facet condition count anywhere: the results hold all of them,
  // and each facet's counts apply every other facet.
  const failing = Prisma.join(
    [f.kind, f.year, f.issue, f.country, f.region, f.theme].map((c) => Prisma.sql`(NOT (${c}))::int`),
    ' + ',
  );
  // With words, the first matchCap matches through the GIN index (search_entry_match, in the
  // …_search_entry migration); without, every row (a scan of the narrow table).
  const source = text ? Prisma.sql`"search_entry_match"(${tsquery}, ${matchCap}) e` : Prisma.sql`"SearchEntry" e`;
  // float8 throughout: numeric power() is slow enough to dominate a search of thousands of matches.
  const recency = Prisma.sql`(1 + 0.25 * power(0.5::float8, (EXTRACT(EPOCH FROM (newest.at - c.issue_published_at)) / 31557600.0)::float8))`;
  const score = text ? Prisma.sql`ts_rank_cd(e."search", ${tsquery}, 1)::float8 * ${recency}` : Prisma.sql`0::float8`;
  // The ranked candidates give the first RANK_CAP results; later pages go on with the other results,
  // newest first (read only when a page reaches beyond the candidates).
  const rest =
    offset + SEARCH_PAGE_SIZE > rankCap
      ? Prisma.sql`UNION ALL SELECT id, NULL::float8, 1, published_at, issue_number FROM (
          SELECT id, published_at, issue_number FROM hits
          ORDER BY published_at DESC, issue_number DESC, id OFFSET ${rankCap}) later`
      : Prisma.empty;

  const rows = await getDb().$queryRaw<Row[]>`
    WITH input AS (SELECT ${tsquery} AS query),
    newest AS (SELECT max("publishedAt") AS at FROM "Issue" WHERE "state" = 'PUBLISHED'),
    matched AS MATERIALIZED (
      SELECT e."itemId" AS id, e."kind", e."publishedAt" AS published_at, e."issuePublishedAt" AS issue_published_at,
        e."issueNumber" AS issue_number, e."year", e."tagIds" AS tag_ids,
        (${f.kind}) AS f_kind, (${f.year}) AS f_year, (${f.issue}) AS f_issue,
        (${f.country}) AS f_country, (${f.region}) AS f_region, (${f.theme}) AS f_theme
      FROM ${source}
      WHERE ${failing} <= 1
    ),
    hits AS (SELECT * FROM matched WHERE ${all}),
    candidates AS (
      SELECT id, published_at, issue_number, issue_published_at FROM hits
      ORDER BY published_at DESC, issue_number DESC, id LIMIT ${rankCap}
    ),
    ordered AS (
      SELECT c.id, ${score} AS score, 0 AS tier, c.published_at, c.issue_number
      FROM candidates c JOIN "SearchEntry" e ON e."itemId" = c.id CROSS JOIN newest
      ${rest}
    ),
    page AS (
      SELECT id, score FROM ordered
      ORDER BY tier, score DESC NULLS LAST, published_at DESC, issue_number DESC, id
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    )
    SELECT
      (SELECT numnode(query) FROM input) AS words,
      (SELECT count(*)::int FROM matched) AS matched,
      (SELECT count(*)::int FROM hits) AS total,
      (SELECT coalesce(json_agg(r ORDER BY r.score DESC NULLS LAST, r."publishedAt" DESC, r."issueNumber" DESC, r.id), '[]'::json)
       FROM (
         SELECT p.id, p.score, i."kind", i."title", i."slug", i."publishedAt",
           x."number" AS "issueNumber", x."coverLabel", s."title" AS "sectionTitle",
           ts_headline(${CONFIG},
             translate(concat_ws(E'\n', nullif(i."standfirst", ''), i."bodyText"), ${HEADLINE_TRANSLATE_FROM}, ${HEADLINE_TRANSLATE_TO}),
             input.query, ${HEADLINE_OPTIONS}) AS headline
         FROM page p
         JOIN "Item" i ON i."id" = p.id
         JOIN "Section" s ON s."id" = i."sectionId"
         JOIN "Issue" x ON x."id" = i."issueId"
         CROSS JOIN input
       ) r) AS results,
      (SELECT coalesce(json_agg(fc), '[]'::json) FROM (
         SELECT 'kind' AS facet, kind::text AS value, kind::text AS label, count(*)::int AS count
         FROM matched WHERE f_year AND f_issue AND f_country AND f_region AND f_theme GROUP BY kind
         UNION ALL
         SELECT 'year', year::text, year::text, count(*)::int
         FROM matched WHERE year IS NOT NULL AND f_kind AND f_issue AND f_country AND f_region AND f_theme GROUP BY year
         UNION ALL
         SELECT 'issue', n.issue_number::text, x."coverLabel", n.count
         FROM (SELECT issue_number, count(*)::int AS count FROM matched
               WHERE f_kind AND f_year AND f_country AND f_region AND f_theme GROUP BY issue_number) n
         JOIN "Issue" x ON x."number" = n.issue_number
         UNION ALL
         -- Tags: counted by id over the unnested arrays (a ProjectSet, no join per match), then named.
         SELECT lower(t."kind"::text), t."slug", t."name", sum(n.count)::int
         FROM (
           SELECT tag_id, f_country, f_region, f_theme, count(*)::int AS count
           FROM (SELECT unnest(tag_ids) AS tag_id, f_country, f_region, f_theme FROM matched
                 WHERE f_kind AND f_year AND f_issue) u
           GROUP BY tag_id, f_country, f_region, f_theme
         ) n
         JOIN "Tag" t ON t."id" = n.tag_id
         WHERE CASE t."kind"
           WHEN 'COUNTRY' THEN n.f_region AND n.f_theme
           WHEN 'REGION' THEN n.f_country AND n.f_theme
           ELSE n.f_country AND n.f_region END
         GROUP BY t."kind", t."slug", t."name"
       ) fc) AS facets`;
  return rows[0]!;
}

const facetOrder: Record<Facet, (a: FacetValue, b: FacetValue) => number> = {
  kind: (a, b) => b.count - a.count || a.value.localeCompare(b.value),
  country: (a, b) => b.count - a.count || a.label.localeCompare(b.label),
  region: (a, b) => b.count - a.count || a.label.localeCompare(b.label),
  theme: (a, b) => b.count - a.count || a.label.localeCompare(b.label),
  year: (a, b) => Number(b.value) - Number(a.value),
  issue: (a, b) => Number(b.value) - Number(a.value),
};

/** One page of results for a reader's search, with facets (see the top of this file). */
export async function searchPublished(
  query: SearchQuery,
  limits: SearchLimits = { matchCap: MATCH_CAP, rankCap: RANK_CAP },
): Promise<SearchOutcome> {
  const chosen = new Map<Facet, string>(activeFacets(query));
  const base = { page: query.page, total: 0, capped: false, pageCount: 1, results: [], facets: emptyFacets() };
  if (!query.q && chosen.size === 0) return { mode: 'idle', ...base };

  let mode: SearchOutcome['mode'] = query.q ? 'search' : 'browse';
  let row = await runSearch(query, mode === 'search', limits);
  if (mode === 'search' && Number(row.words) === 0) {
    // Only stop words or punctuation: nothing to match on. With facets, show what they select.
    if (chosen.size === 0) return { mode: 'no-words', ...base };
    mode = 'browse';
    row = await runSearch(query, false, limits);
  }

  const facets = emptyFacets();
  for (const fc of row.facets) {
    // The kind facet's value travels in lower case in URLs (kind=meeting_report).
    const value = fc.facet === 'kind' ? fc.value.toLowerCase() : fc.value;
    facets[fc.facet].push({ value, label: fc.label, count: fc.count, selected: chosen.get(fc.facet) === value });
  }
  for (const facet of FACETS) facets[facet].sort(facetOrder[facet]);

  return {
    mode,
    total: row.total,
    capped: mode === 'search' && row.matched >= limits.matchCap,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(row.total / SEARCH_PAGE_SIZE)),
    results: row.results.map(({ headline, publishedAt, ...r }) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      slug: r.slug,
      issueNumber: r.issueNumber,
      coverLabel: r.coverLabel,
      sectionTitle: r.sectionTitle,
      publishedAt: new Date(publishedAt),
      snippet: headlineSegments(headline ?? ''),
    })),
    facets,
  };
}
