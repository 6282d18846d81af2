import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { listPublications } from '@/lib/content/publications';
import { adminHref } from '@/lib/issues/hrefs';
import { availabilityLabel, publicationKindLabel } from '@/lib/format/labels';
import { FilterForm } from '@/components/admin/lists/filter-form';
import { FilterSearch } from '@/components/admin/lists/list-field';
import { Pagination } from '@/components/admin/lists/pagination';
import { plural } from '@/components/admin/lists/format';
import { pageParam, param, withQuery, type SearchParams } from '@/components/admin/lists/search-params';
import { publicationDate } from '@/components/admin/records/record-details';
import '@/components/admin/lists/desk-lists.css';

export const metadata: Metadata = { title: 'Publications' };

const PAGE_SIZE = 25;

/** Reports, manuals and assessments, reviewed or not yet: searchable, 25 to a page, the search in the URL. */
export default async function PublicationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const q = param(params, 'q').slice(0, 200) || undefined;
  const list = await listPublications(actor, { q, page: pageParam(params), pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  // How many items review a publication counts everyone's items: editors' business only.
  const editorial = can(actor, 'item.listAll');
  const first = (list.page - 1) * list.pageSize + 1;
  const href = (page: number) => withQuery('/admin/publications', { q, page: page > 1 ? String(page) : undefined });

  return (
    <>
      <h1>Publications</h1>
      <p className="bo-lede">Reports, manuals and assessments the bulletin reviews, including forthcoming ones.</p>
      <div className="page-actions">
        <Link className="button" href="/admin/publications/new">
          Add a publication
        </Link>
      </div>

      <FilterForm key={q ?? ''} action="/admin/publications" label="Find publications" inline>
        <div className="filters__fields">
          <FilterSearch
            label="Search publications"
            value={q}
            hint="Words in the title, authors or issuing body, or an ISBN."
          />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            Search
          </button>
          {q && (
            <Link href="/admin/publications" className="button button--quiet">
              Show all publications
            </Link>
          )}
        </div>
      </FilterForm>

      <p role="status" className="list-status">
        {list.total === 0
          ? q
            ? 'No publications match this search.'
            : 'No publications yet.'
          : `${plural(list.total, 'publication')}${q ? (list.total === 1 ? ' matches this search' : ' match this search') : ''}.`}
      </p>

      {list.publications.length > 0 ? (
        <div className="table-wrap">
          <table className="desk-table">
            <caption>
              {q ? 'Publications matching the search' : 'All publications'}: {first}–
              {first + list.publications.length - 1} of {list.total}, newest first
              {pageCount > 1 && `; page ${list.page} of ${pageCount}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Issuing body</th>
                <th scope="col" aria-sort="descending">
                  Date <span className="desk-table__order">(newest first)</span>
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Availability</th>
                <th scope="col">ISBN</th>
                {editorial && <th scope="col">Reviews</th>}
              </tr>
            </thead>
            <tbody>
              {list.publications.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={adminHref.publication(p.id)}>{p.title}</Link>
                    {p.authors && <span className="accounts__email">{p.authors}</span>}
                  </th>
                  <td>{p.issuingBody}</td>
                  <td>{publicationDate(p) || <span className="muted">No date</span>}</td>
                  <td>{publicationKindLabel[p.kind]}</td>
                  <td>{availabilityLabel[p.availability]}</td>
                  <td>{p.isbn}</td>
                  {editorial && <td>{p.reviewCount}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : list.total > 0 ? (
        <div className="empty-state">
          <p>
            There is no page {list.page}. <Link href={href(pageCount)}>Go to the last page</Link>.
          </p>
        </div>
      ) : (
        <div className="empty-state">
          <p>
            {q
              ? 'Try other words, or add the publication if it is not listed yet.'
              : 'Add the first publication with the button above.'}
          </p>
        </div>
      )}

      <Pagination page={list.page} pageCount={pageCount} hrefFor={href} label="Pages of publications" />
    </>
  );
}
