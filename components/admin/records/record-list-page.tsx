import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { listRecords } from '@/lib/content/records/list-records';
import { capitalised, recordPath, type RecordKind, type RecordSchema } from '@/lib/records/record-kind';
import { FilterForm } from '@/components/admin/lists/filter-form';
import { FilterSearch } from '@/components/admin/lists/list-field';
import { Pagination } from '@/components/admin/lists/pagination';
import { plural } from '@/components/admin/lists/format';
import { pageParam, param, withQuery, type SearchParams } from '@/components/admin/lists/search-params';
import '@/components/admin/lists/desk-lists.css';

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<SearchParams> };

/**
 * A record kind's list page (app/admin/<kind>/page.tsx): searchable, 25 to a page, the search in the
 * URL; records nobody has linked an item to yet included.
 */
export function recordListPage<S extends RecordSchema>(kind: RecordKind<S>) {
  const metadata: Metadata = { title: capitalised(kind.noun.many) };
  const path = recordPath(kind);
  async function RecordListPage({ searchParams }: Props) {
    const actor = await requireActor();
    const params = await searchParams;
    const q = param(params, 'q').slice(0, 200) || undefined;
    const list = await listRecords(kind, actor, { q, page: pageParam(params), pageSize: PAGE_SIZE });
    const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
    // How many items link to a record counts everyone's items: editors' business only.
    const counts = kind.linked && can(actor, 'item.listAll') ? kind.linked : null;
    const first = (list.page - 1) * list.pageSize + 1;
    const href = (page: number) => withQuery(path, { q, page: page > 1 ? String(page) : undefined });
    const { one, many, a } = kind.noun;
    const Many = capitalised(many);

    return (
      <>
        <h1>{Many}</h1>
        <p className="bo-lede">{kind.lede.list}</p>
        <div className="page-actions">
          <Link className="button" href={`${path}/new`}>
            Add {a}
          </Link>
        </div>

        <FilterForm key={q ?? ''} action={path} label={`Find ${many}`} inline>
          <div className="filters__fields">
            <FilterSearch label={`Search ${many}`} value={q} hint={kind.list.searchHint} />
          </div>
          <div className="filters__actions">
            <button type="submit" className="button">
              Search
            </button>
            {q && (
              <Link href={path} className="button button--quiet">
                Show all {many}
              </Link>
            )}
          </div>
        </FilterForm>

        <p role="status" className="list-status">
          {list.total === 0
            ? q
              ? `No ${many} match this search.`
              : `No ${many} yet.`
            : `${plural(list.total, one, many)}${q ? (list.total === 1 ? ' matches this search' : ' match this search') : ''}.`}
        </p>

        {list.rows.length > 0 ? (
          <div className="table-wrap">
            <table className="desk-table">
              <caption>
                {q ? `${Many} matching the search` : `All ${many}`}: {first}–{first + list.rows.length - 1} of{' '}
                {list.total}, {kind.list.orderCaption}
                {pageCount > 1 && `; page ${list.page} of ${pageCount}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{kind.list.titleHeader}</th>
                  {kind.list.columns.map((c) =>
                    c.sortedNote ? (
                      <th key={c.header} scope="col" aria-sort="descending">
                        {c.header} <span className="desk-table__order">({c.sortedNote})</span>
                      </th>
                    ) : (
                      <th key={c.header} scope="col">
                        {c.header}
                      </th>
                    ),
                  )}
                  {counts && <th scope="col">{counts.countHeader}</th>}
                </tr>
              </thead>
              <tbody>
                {list.rows.map((record) => {
                  const subtitle = kind.list.subtitle?.(record);
                  return (
                    <tr key={record.id}>
                      <th scope="row">
                        <Link href={`${path}/${record.id}`}>{String(record[kind.titleField])}</Link>
                        {subtitle && <span className="accounts__email">{subtitle}</span>}
                      </th>
                      {kind.list.columns.map((c) => (
                        <td key={c.header}>
                          {c.value(record) || (c.empty && <span className="muted">{c.empty}</span>)}
                        </td>
                      ))}
                      {counts && <td>{record.itemCount}</td>}
                    </tr>
                  );
                })}
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
                ? `Try other words, or add the ${one} if it is not listed yet.`
                : `Add the first ${one} with the button above.`}
            </p>
          </div>
        )}

        <Pagination page={list.page} pageCount={pageCount} hrefFor={href} label={`Pages of ${many}`} />
      </>
    );
  }
  return { metadata, Page: RecordListPage };
}
