import Link from 'next/link';
import type { FacetValue } from '@/lib/content/search/search-published';
import { FACETS, searchHref, type Facet, type SearchQuery } from '@/lib/search/query';

export const facetTitle: Record<Facet, string> = {
  kind: 'Kind',
  country: 'Country',
  region: 'Region',
  theme: 'Theme',
  year: 'Year',
  issue: 'Bulletin issue',
};

/** How many values of a facet show before "More". */
const SHOWN = 8;

function FacetLinks({ facet, values, query }: { facet: Facet; values: FacetValue[]; query: SearchQuery }) {
  return (
    <ul>
      {values.map((v) => (
        <li key={v.value}>
          <Link
            href={searchHref(query, { [facet]: v.selected ? null : v.value })}
            aria-current={v.selected ? 'true' : undefined}
            title={v.selected ? `Remove ${facetTitle[facet].toLowerCase()} “${v.label}”` : undefined}
          >
            {v.label}
            {v.selected && <span className="visually-hidden"> (chosen; select to remove)</span>}
          </Link>
          <span className="facet__count">{v.count}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The facets beside the results: plain links that set or remove one choice, so they work without
 * JavaScript, can be shared and survive the back button. Each value's count is what choosing it would give.
 */
export function FacetPanel({
  facets,
  query,
  labels,
}: {
  facets: Record<Facet, FacetValue[]>;
  query: SearchQuery;
  labels: (facet: Facet, value: FacetValue) => string;
}) {
  const groups = FACETS.filter((f) => facets[f].length > 0);
  if (groups.length === 0) return null;
  return (
    <nav className="search-facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading">Narrow the results</h2>
      {groups.map((facet) => {
        const values = facets[facet].map((v) => ({ ...v, label: labels(facet, v) }));
        // The chosen value always shows, even when it would fall under "More".
        const shown = values.filter((v, i) => i < SHOWN || v.selected);
        const more = values.filter((v, i) => i >= SHOWN && !v.selected);
        return (
          <section key={facet} className="facet" aria-labelledby={`facet-${facet}`}>
            <h3 id={`facet-${facet}`}>{facetTitle[facet]}</h3>
            <FacetLinks facet={facet} values={shown} query={query} />
            {more.length > 0 && (
              <details>
                <summary>{more.length} more</summary>
                <FacetLinks facet={facet} values={more} query={query} />
              </details>
            )}
          </section>
        );
      })}
    </nav>
  );
}
