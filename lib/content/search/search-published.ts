import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { ItemKind } from '@/generated/prisma/enums';
import { publicItemSql } from '@/lib/authz/reader';
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
 * - Matching: "Item"."search" (prisma/migrations/…_search_index) @@ websearch_to_tsquery, so the
 *   box takes words, "quoted phrases", OR and -exclusions, with English stemming and accents folded.
 * - Only published items of published bulletin issues: publicItemSql, the reader gate in SQL.
 * - Ranking: ts_rank_cd (normalised by document length), times a recency factor from 1.25 for the
 *   newest bulletin issue down towards 1, its extra halving with every year an issue is older.
 * - Facets: each facet's counts apply every other facet's choice but not its own, so the choices
 *   beside a chosen value say how many results switching to them would give.
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
  total: number;
  results: (Omit<SearchResult, 'publishedAt' | 'snippet'> & { publishedAt: string; headline: string })[];
  facets: { facet: Facet; value: string; label: string; count: number }[];
};

/** The facet conditions, each a boolean column of the matched rows ("f_kind" … "f_theme"). */
function facetConditions(query: SearchQuery) {
  const tag = (kind: 'COUNTRY' | 'REGION' | 'THEME', slug: string | undefined) =>
    slug === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`EXISTS (SELECT 1 FROM "ItemTag" it JOIN "Tag" t ON t."id" = it."tagId"
          WHERE it."itemId" = i."id" AND t."kind" = ${kind}::"TagKind" AND t."slug" = ${slug})`;
  return {
    kind: query.kind === undefined ? Prisma.sql`TRUE` : Prisma.sql`i."kind" = ${query.kind}::"ItemKind"`,
    year:
      query.year === undefined
        ? Prisma.sql`TRUE`
        : Prisma.sql`EXTRACT(YEAR FROM coalesce(x."coverDate", x."publishedAt")) = ${query.year}`,
    issue: query.issue === undefined ? Prisma.sql`TRUE` : Prisma.sql`x."number" = ${query.issue}`,
    country: tag('COUNTRY', query.country),
    region: tag('REGION', query.region),
    theme: tag('THEME', query.theme),
  };
}

async function runSearch(query: SearchQuery, text: boolean): Promise<Row> {
  const f = facetConditions(query);
  const all = Prisma.sql`f_kind AND f_year AND f_issue AND f_country AND f_region AND f_theme`;
  const offset = (query.page - 1) * SEARCH_PAGE_SIZE;
  // The query written out (not read from the "input" CTE) where rows are matched and ranked: the
  // planner then folds it to a constant and estimates its matches from the column's statistics, so
  // a common word gets hash joins rather than thousands of index probes.
  const tsquery = Prisma.sql`websearch_to_tsquery(${CONFIG}, ${tsqueryInput(query.q)})`;
  const match = text ? Prisma.sql`i."search" @@ ${tsquery}` : Prisma.sql`TRUE`;
  // float8 throughout: numeric power() is slow enough to dominate a search of thousands of matches.
  const recency = Prisma.sql`(1 + 0.25 * power(0.5::float8, (EXTRACT(EPOCH FROM (newest.at - x."publishedAt")) / 31557600.0)::float8))`;
  // Ranked only where every facet holds (the rows shown); the others only count towards facets.
  const score = text
    ? Prisma.sql`CASE WHEN (${f.kind}) AND (${f.year}) AND (${f.issue}) AND (${f.country}) AND (${f.region}) AND (${f.theme})
        THEN ts_rank_cd(i."search", ${tsquery}, 1)::float8 * ${recency} END`
    : Prisma.sql`0`;

  const rows = await getDb().$queryRaw<Row[]>`
    WITH input AS (SELECT ${tsquery} AS query),
    newest AS (SELECT max("publishedAt") AS at FROM "Issue" WHERE "state" = 'PUBLISHED'),
    matched AS MATERIALIZED (
      SELECT i."id", i."kind", i."publishedAt" AS published_at,
        x."number" AS issue_number, x."coverLabel" AS cover_label,
        EXTRACT(YEAR FROM coalesce(x."coverDate", x."publishedAt"))::int AS year,
        ${score} AS score,
        (${f.kind}) AS f_kind, (${f.year}) AS f_year, (${f.issue}) AS f_issue,
        (${f.country}) AS f_country, (${f.region}) AS f_region, (${f.theme}) AS f_theme
      FROM "Item" i
      JOIN "Issue" x ON x."id" = i."issueId"
      CROSS JOIN newest
      WHERE ${publicItemSql('i')} AND ${match}
    ),
    hits AS (SELECT * FROM matched WHERE ${all}),
    page AS (
      SELECT id, score FROM hits
      ORDER BY score DESC NULLS LAST, published_at DESC, issue_number DESC, id
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    )
    SELECT
      (SELECT numnode(query) FROM input) AS words,
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
         FROM matched WHERE f_kind AND f_issue AND f_country AND f_region AND f_theme GROUP BY year
         UNION ALL
         SELECT 'issue', issue_number::text, cover_label, count(*)::int
         FROM matched WHERE f_kind AND f_year AND f_country AND f_region AND f_theme GROUP BY issue_number, cover_label
         UNION ALL
         SELECT lower(t."kind"::text), t."slug", t."name", count(*)::int
         FROM matched m
         JOIN "ItemTag" it ON it."itemId" = m.id
         JOIN "Tag" t ON t."id" = it."tagId"
         WHERE m.f_kind AND m.f_year AND m.f_issue AND CASE t."kind"
           WHEN 'COUNTRY' THEN m.f_region AND m.f_theme
           WHEN 'REGION' THEN m.f_country AND m.f_theme
           ELSE m.f_country AND m.f_region END
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
export async function searchPublished(query: SearchQuery): Promise<SearchOutcome> {
  const chosen = new Map<Facet, string>(activeFacets(query));
  const base = { page: query.page, total: 0, pageCount: 1, results: [], facets: emptyFacets() };
  if (!query.q && chosen.size === 0) return { mode: 'idle', ...base };

  let mode: SearchOutcome['mode'] = query.q ? 'search' : 'browse';
  let row = await runSearch(query, mode === 'search');
  if (mode === 'search' && Number(row.words) === 0) {
    // Only stop words or punctuation: nothing to match on. With facets, show what they select.
    if (chosen.size === 0) return { mode: 'no-words', ...base };
    mode = 'browse';
    row = await runSearch(query, false);
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
