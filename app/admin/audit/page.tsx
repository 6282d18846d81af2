import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { listAuditEvents, listAuditFilterOptions } from '@/lib/audit/list-audit-events';
import { formatUtc } from '@/lib/format/dates';
import { auditFilterQuery, hasAuditFilters, parseAuditFilter } from '@/lib/validation/audit-filter';
import { Pagination } from '@/components/admin/lists/pagination';
import { plural } from '@/components/admin/lists/format';
import { SelectField, TextField } from '@/components/ui/fields';
import '@/components/admin/lists/desk-lists.css';
import '@/components/admin/audit/audit.css';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The audit trail (editors and admins), newest first, 50 to a page. The filters are a plain GET form,
 * so every view is a URL that works without JavaScript; the CSV export takes the same query.
 */
export default async function AuditPage({ searchParams }: Props) {
  const params = await searchParams;
  const actor = await requireActor();
  if (!can(actor, 'audit.read')) forbidden();
  const { filter, raw, fieldErrors } = parseAuditFilter(params);
  const [list, options] = await Promise.all([listAuditEvents(actor, filter), listAuditFilterOptions(actor)]);
  const filtered = hasAuditFilters(filter);
  const showIp = can(actor, 'audit.readAddresses');
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.rows.length - 1;

  return (
    <>
      <h1>Audit log</h1>
      <p className="bo-lede">
        Every workflow transition, publication, account and settings change: who, what, when. Times are UTC.
      </p>

      <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="filters">
        <div className="filters__fields">
          <SelectField
            id="filter-actor"
            name="actor"
            label="Person"
            defaultValue={raw.actor}
            errors={fieldErrors.actor}
          >
            <option value="">Anyone</option>
            <option value="system">No one signed in (system, readers)</option>
            {options.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name || a.id}
              </option>
            ))}
          </SelectField>
          <TextField
            id="filter-action"
            name="action"
            label="Action"
            list="audit-actions"
            defaultValue={raw.action}
            errors={fieldErrors.action}
            hint="Such as item.approve; item. for every item action."
            maxLength={100}
          />
          <datalist id="audit-actions">
            {options.actions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <TextField
            id="filter-entity"
            name="entity"
            label="Entity"
            list="audit-entities"
            defaultValue={raw.entity}
            errors={fieldErrors.entity}
            hint="A kind (Item, Issue, User…) or one record: Item:<id>."
            maxLength={120}
          />
          <datalist id="audit-entities">
            {options.entityTypes.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <TextField
            id="filter-from"
            name="from"
            label="From (day)"
            type="date"
            defaultValue={raw.from}
            errors={fieldErrors.from}
          />
          <TextField
            id="filter-to"
            name="to"
            label="To (day, included)"
            type="date"
            defaultValue={raw.to}
            errors={fieldErrors.to}
          />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          {(filtered || Object.keys(fieldErrors).length > 0) && (
            <Link href="/admin/audit" className="button button--quiet">
              Clear filters
            </Link>
          )}
          <a href={`/admin/audit/export${auditFilterQuery(filter)}`} className="button button--quiet" download>
            Download these events (CSV)
          </a>
        </div>
      </form>

      <p role="status" className="list-status">
        {list.total === 0
          ? filtered
            ? 'No events match these filters.'
            : 'No events yet.'
          : `${plural(list.total, 'event')}${filtered ? (list.total === 1 ? ' matches these filters' : ' match these filters') : ''}.`}
        {Object.keys(fieldErrors).length > 0 && ' Some filters could not be used: see the messages next to them.'}
      </p>

      {list.rows.length > 0 ? (
        <div className="audit-wrap">
          <table className="desk-table audit-table">
            <caption>
              Events {first}–{last} of {list.total}, newest first
              {list.pageCount > 1 && `; page ${list.page} of ${list.pageCount}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Entity</th>
                <th scope="col">From → to</th>
                <th scope="col">Note and details</th>
                {showIp && <th scope="col">Address</th>}
              </tr>
            </thead>
            <tbody>
              {list.rows.map((e) => (
                <tr key={e.id} data-event-id={e.id}>
                  <td>
                    <time dateTime={e.createdAt.toISOString()}>{formatUtc(e.createdAt)}</time>
                  </td>
                  <td>{e.actor ? e.actor.name || e.actor.id : <em>no one signed in</em>}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.entityType} <code className="audit-table__id">{e.entityId}</code>
                  </td>
                  <td>{e.fromState || e.toState ? `${e.fromState ?? '–'} → ${e.toState ?? '–'}` : ''}</td>
                  <td>
                    {e.note && <p>{e.note}</p>}
                    {e.data && <code className="audit-table__data">{e.data}</code>}
                  </td>
                  {showIp && <td>{e.ip ?? ''}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : list.total > 0 ? (
        <div className="empty-state">
          <p>
            There is no page {list.page}: the log has {plural(list.pageCount, 'page')}.{' '}
            <Link href={`/admin/audit${auditFilterQuery(filter, { page: list.pageCount })}`}>Go to the last page</Link>
          </p>
        </div>
      ) : null}

      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => `/admin/audit${auditFilterQuery(filter, { page })}`}
        label="Pages of the audit log"
      />
    </>
  );
}
