import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { listMeetings } from '@/lib/content/meetings';
import { adminHref } from '@/lib/issues/hrefs';
import { FilterForm } from '@/components/admin/lists/filter-form';
import { FilterSearch } from '@/components/admin/lists/list-field';
import { Pagination } from '@/components/admin/lists/pagination';
import { plural } from '@/components/admin/lists/format';
import { pageParam, param, withQuery, type SearchParams } from '@/components/admin/lists/search-params';
import { meetingDates, meetingPlace } from '@/components/admin/records/record-details';
import '@/components/admin/lists/desk-lists.css';

export const metadata: Metadata = { title: 'Meetings' };

const PAGE_SIZE = 25;

/** Meetings and conferences, reported on or not yet: searchable, 25 to a page, the search in the URL. */
export default async function MeetingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const q = param(params, 'q').slice(0, 200) || undefined;
  const list = await listMeetings(actor, { q, page: pageParam(params), pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  // How many items report on a meeting counts everyone's items: editors' business only.
  const editorial = can(actor, 'item.listAll');
  const first = (list.page - 1) * list.pageSize + 1;
  const href = (page: number) => withQuery('/admin/meetings', { q, page: page > 1 ? String(page) : undefined });

  return (
    <>
      <h1>Meetings</h1>
      <p className="bo-lede">
        Conferences and meetings the bulletin reports on, including those nobody has written about yet.
      </p>
      <div className="page-actions">
        <Link className="button" href="/admin/meetings/new">
          Add a meeting
        </Link>
      </div>

      <FilterForm key={q ?? ''} action="/admin/meetings" label="Find meetings" inline>
        <div className="filters__fields">
          <FilterSearch label="Search meetings" value={q} hint="Words in the name, place or organisers." />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            Search
          </button>
          {q && (
            <Link href="/admin/meetings" className="button button--quiet">
              Show all meetings
            </Link>
          )}
        </div>
      </FilterForm>

      <p role="status" className="list-status">
        {list.total === 0
          ? q
            ? 'No meetings match this search.'
            : 'No meetings yet.'
          : `${plural(list.total, 'meeting')}${q ? (list.total === 1 ? ' matches this search' : ' match this search') : ''}.`}
      </p>

      {list.meetings.length > 0 ? (
        <div className="table-wrap">
          <table className="desk-table">
            <caption>
              {q ? 'Meetings matching the search' : 'All meetings'}: {first}–{first + list.meetings.length - 1} of{' '}
              {list.total}, latest start date first
              {pageCount > 1 && `; page ${list.page} of ${pageCount}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" aria-sort="descending">
                  Dates <span className="desk-table__order">(latest first)</span>
                </th>
                <th scope="col">Place</th>
                <th scope="col">Organisers</th>
                {editorial && <th scope="col">Reports</th>}
              </tr>
            </thead>
            <tbody>
              {list.meetings.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link href={adminHref.meeting(m.id)}>{m.name}</Link>
                  </th>
                  <td>{meetingDates(m) || <span className="muted">No dates</span>}</td>
                  <td>{meetingPlace(m)}</td>
                  <td>{m.organisers}</td>
                  {editorial && <td>{m.reportCount}</td>}
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
              ? 'Try other words, or add the meeting if it is not listed yet.'
              : 'Add the first meeting with the button above.'}
          </p>
        </div>
      )}

      <Pagination page={list.page} pageCount={pageCount} hrefFor={href} label="Pages of meetings" />
    </>
  );
}
