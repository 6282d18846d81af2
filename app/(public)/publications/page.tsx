import type { Metadata } from 'next';
import Link from 'next/link';
import { Availability } from '@/generated/prisma/enums';
import { listCataloguePublications } from '@/lib/content/public-publications';
import {
  applyPublicationFilter,
  hasPublicationFilters,
  parsePublicationFilter,
  PUBLICATION_SORTS,
  publicationFilterOptions,
  publicationFilterQuery,
} from '@/lib/catalogue/publication-filter';
import { availabilityLabel, publicationKindLabel } from '@/lib/format/labels';
import { catalogueCitationPath, publicationPath } from '@/lib/reader-paths';
import { itemPath } from '@/lib/site-url';
import { PublicationFacts } from '@/components/public/item-facts';
import '@/components/public/search/search.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Publications',
  description: 'Reports, manuals and assessments reviewed in the bulletin, with citations to export.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /publications: the catalogue of publications reviewed in published items, filtered by kind,
 * availability, issuing body and year and sorted (a GET form), with its citations to download.
 */
export default async function PublicationsPage({ searchParams }: Props) {
  const all = await listCataloguePublications();
  const filter = parsePublicationFilter(await searchParams);
  const shown = applyPublicationFilter(all, filter);
  const options = publicationFilterOptions(all);
  const filtered = hasPublicationFilters(filter);
  const query = publicationFilterQuery(filter);

  return (
    <div className="records">
      <h1>Publications</h1>
      <form method="get" action="/publications" className="record-filters" aria-label="Filter publications">
        <label>
          Kind
          <select name="kind" defaultValue={filter.kind?.toLowerCase() ?? ''}>
            <option value="">Any kind</option>
            {options.kinds.map((k) => (
              <option key={k} value={k.toLowerCase()}>
                {publicationKindLabel[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Availability
          <select name="availability" defaultValue={filter.availability?.toLowerCase() ?? ''}>
            <option value="">Any</option>
            {Object.values(Availability).map((a) => (
              <option key={a} value={a.toLowerCase()}>
                {availabilityLabel[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Issued by
          <select name="body" defaultValue={filter.body ?? ''}>
            <option value="">Anyone</option>
            {options.bodies.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          Year
          <select name="year" defaultValue={filter.year?.toString() ?? ''}>
            <option value="">Any year</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select name="sort" defaultValue={filter.sort}>
            {Object.entries(PUBLICATION_SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Show
        </button>
        {(filtered || filter.sort !== 'newest') && <Link href="/publications">Clear</Link>}
      </form>

      <p role="status" className="record__line">
        {shown.length === 0
          ? filtered
            ? 'No publication matches these choices.'
            : 'No publications have been reviewed yet.'
          : `${shown.length} ${shown.length === 1 ? 'publication' : 'publications'}${filtered ? ' match these choices' : ''}.`}
      </p>
      {shown.length > 0 && (
        <p className="record__line">
          Cite {filtered ? 'these' : 'all'} {shown.length === 1 ? 'publication' : 'publications'}:{' '}
          <a href={catalogueCitationPath('bibtex', query)} download>
            BibTeX
          </a>{' '}
          ·{' '}
          <a href={catalogueCitationPath('ris', query)} download>
            RIS
          </a>{' '}
          ·{' '}
          <a href={catalogueCitationPath('csl-json', query)} download>
            CSL-JSON
          </a>
        </p>
      )}

      <ul className="record-list">
        {shown.map((p) => (
          <li key={p.id} className="record">
            <h2 className="record__title">
              <Link href={publicationPath(p.id)}>{p.title}</Link>
            </h2>
            <PublicationFacts publication={p} />
            <ul className="record__reports">
              {p.items.map((r) => (
                <li key={r.id}>
                  <Link href={itemPath(r.section!.issue.number, r.slug)}>Review: {r.title}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
