import type { Metadata } from 'next';
import Link from 'next/link';
import { MATCH_CAP, searchPublished, type FacetValue } from '@/lib/content/search/search-published';
import {
  activeFacets,
  parseSearchQuery,
  QUERY_MAX_CHARS,
  SEARCH_PAGE_SIZE,
  searchHref,
  type Facet,
  type SearchParams,
} from '@/lib/search/query';
import { formatDate, isoDate } from '@/lib/format/dates';
import { issueLabel, itemKindLabel } from '@/lib/format/labels';
import { itemPath } from '@/lib/site-url';
import type { ItemKind } from '@/generated/prisma/enums';
import { FacetPanel, facetTitle } from '@/components/public/search/facet-panel';
import { Snippet } from '@/components/public/search/snippet';
import '@/components/public/search/search.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchQuery(await searchParams);
  // Result pages are endless combinations of words and facets: kept out of search engines' indexes.
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } };
}

function facetLabel(facet: Facet, v: Pick<FacetValue, 'value' | 'label'>): string {
  if (facet === 'kind') return itemKindLabel[v.value.toUpperCase() as ItemKind] ?? v.label;
  if (facet === 'issue')
    return v.label && v.label !== v.value ? `${issueLabel(Number(v.value))} – ${v.label}` : issueLabel(Number(v.value));
  return v.label;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * /search: full-text search of published items with facets. A GET form and plain links: every choice
 * is in the URL, and the page works without JavaScript.
 */
export default async function SearchPage({ searchParams }: Props) {
  const query = parseSearchQuery(await searchParams);
  const outcome = await searchPublished(query);
  const chosen = activeFacets(query).map(([facet, value]) => {
    const known = outcome.facets[facet].find((v) => v.value === value);
    return { facet, value, label: facetLabel(facet, known ?? { value, label: value }) };
  });
  const first = (outcome.page - 1) * SEARCH_PAGE_SIZE + 1;

  return (
    <div className="search-page">
      <h1>Search</h1>
      <form role="search" action="/search" method="get" className="search-form" aria-label="Search the bulletin">
        <label htmlFor="search-q">Words to look for</label>
        <input id="search-q" name="q" type="search" defaultValue={query.q} maxLength={QUERY_MAX_CHARS} />
        {chosen.map((c) => (
          <input key={c.facet} type="hidden" name={c.facet} value={c.value} />
        ))}
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p className="search-hint">
        Every word must appear (in any form: <i>trafficked</i> finds <i>trafficking</i>). Use “quotation marks” for a
        phrase, <code>OR</code> between alternatives and a minus sign to leave a word out: <code>-visa</code>.
      </p>

      {chosen.length > 0 && (
        <ul className="search-chosen" aria-label="Chosen facets">
          {chosen.map((c) => (
            <li key={c.facet}>
              <Link href={searchHref(query, { [c.facet]: null })}>
                {facetTitle[c.facet]}: {c.label} <span aria-hidden="true">✕</span>
                <span className="visually-hidden"> (remove)</span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {query.truncated && (
        <p className="search-hint">Only the first {QUERY_MAX_CHARS} characters of what you typed were searched.</p>
      )}

      {outcome.mode === 'idle' ? (
        <p>
          Search every published issue: news, meeting reports and publication reviews. Or browse by{' '}
          <Link href="/topics">topic</Link>, <Link href="/meetings">meeting</Link> or{' '}
          <Link href="/publications">publication</Link>.
        </p>
      ) : outcome.mode === 'no-words' ? (
        <p role="status" className="search-status">
          Nothing to search for in “{query.q}”: those words are too common. Try more specific ones.
        </p>
      ) : (
        <>
          <p role="status" className="search-status">
            {outcome.total === 0
              ? query.q
                ? `No results for “${query.q}”${chosen.length ? ' with these facets' : ''}.`
                : 'Nothing matches these facets.'
              : `${plural(outcome.total, 'result', 'results')}${query.q ? ` for “${query.q}”` : ''}${
                  outcome.pageCount > 1 ? `, page ${outcome.page} of ${outcome.pageCount}` : ''
                }.`}
          </p>
          {outcome.capped && (
            <p className="search-hint">
              These words are in a great many items: the counts and the order cover the first{' '}
              {MATCH_CAP.toLocaleString('en-GB')} of them. Add a word or choose a facet to narrow the search.
            </p>
          )}
          <div className="search-layout">
            <div>
              {outcome.results.length > 0 ? (
                <ol className="search-results" start={first}>
                  {outcome.results.map((r) => (
                    <li key={r.id} className="search-result">
                      <p className="kicker">{itemKindLabel[r.kind]}</p>
                      <h2>
                        <Link href={itemPath(r.issueNumber, r.slug)}>{r.title}</Link>
                      </h2>
                      <p className="search-result__meta">
                        {issueLabel(r.issueNumber)} – {r.coverLabel} · {r.sectionTitle} ·{' '}
                        <time dateTime={isoDate(r.publishedAt)}>{formatDate(r.publishedAt)}</time>
                      </p>
                      <Snippet segments={r.snippet} className="search-result__snippet" />
                    </li>
                  ))}
                </ol>
              ) : outcome.total > 0 ? (
                <p>
                  There is no page {outcome.page}.{' '}
                  <Link href={searchHref(query, { page: outcome.pageCount })}>Go to the last page</Link>.
                </p>
              ) : (
                <div className="search-empty">
                  {chosen.length > 0 ? (
                    <>
                      <p>Try removing a facet:</p>
                      <ul>
                        {chosen.map((c) => (
                          <li key={c.facet}>
                            <Link href={searchHref(query, { [c.facet]: null })}>
                              Remove {facetTitle[c.facet].toLowerCase()} “{c.label}”
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p>Try other words, fewer of them, or a word without its ending.</p>
                  )}
                </div>
              )}
              {outcome.pageCount > 1 && outcome.results.length > 0 && (
                <nav className="pager" aria-label="Pages of results">
                  {outcome.page > 1 ? (
                    <Link href={searchHref(query, { page: outcome.page - 1 })} rel="prev">
                      ← Previous
                    </Link>
                  ) : (
                    <span />
                  )}
                  {outcome.page < outcome.pageCount && (
                    <Link href={searchHref(query, { page: outcome.page + 1 })} rel="next">
                      Next →
                    </Link>
                  )}
                </nav>
              )}
            </div>
            <FacetPanel facets={outcome.facets} query={query} labels={facetLabel} />
          </div>
        </>
      )}
    </div>
  );
}
