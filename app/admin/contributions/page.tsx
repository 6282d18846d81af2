import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import type { ContributionKind, ContributionStatus } from '@/generated/prisma/enums';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import {
  CONTRIBUTION_STATUSES,
  countContributions,
  listContributions,
  statusLabels,
} from '@/lib/contributions/list-contributions';
import { CONTRIBUTION_KINDS, contributionKindShort } from '@/lib/validation/contribution';
import { formatUtc } from '@/lib/format/dates';
import '@/components/admin/lists/desk-lists.css';

export const metadata: Metadata = { title: 'Contributions', referrer: 'no-referrer' };

type Search = { status?: string; kind?: string };

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | null =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;

function href(filter: { status: string | null; kind: string | null }) {
  const p = new URLSearchParams();
  if (filter.status) p.set('status', filter.status);
  if (filter.kind) p.set('kind', filter.kind);
  const q = p.toString();
  return q ? `/admin/contributions?${q}` : '/admin/contributions';
}

/** Information Exchange: what readers sent, by status and kind (filters in the URL). Editors and admins only. */
export default async function ContributionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  if (!can(actor, 'contribution.read')) forbidden();
  const sp = await searchParams;
  const status = pick<ContributionStatus>(sp.status, CONTRIBUTION_STATUSES);
  const kind = pick<ContributionKind>(sp.kind, CONTRIBUTION_KINDS);
  const [rows, counts] = await Promise.all([listContributions(actor, { status, kind }), countContributions(actor)]);
  return (
    <>
      <h1>Contributions</h1>
      <p className="bo-lede">What readers sent through Information Exchange (/contribute), newest first.</p>
      <nav aria-label="Status" className="contribution-tabs">
        <ul>
          <li>
            <Link href={href({ status: null, kind })} aria-current={status === null ? 'page' : undefined}>
              All
            </Link>
          </li>
          {CONTRIBUTION_STATUSES.map((s) => (
            <li key={s}>
              <Link href={href({ status: s, kind })} aria-current={status === s ? 'page' : undefined}>
                {statusLabels[s]} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="filter-form" aria-label="Filter contributions">
        {status && <input type="hidden" name="status" value={status} />}
        <label htmlFor="kind-filter">Kind</label>{' '}
        <select id="kind-filter" name="kind" defaultValue={kind ?? ''}>
          <option value="">Any kind</option>
          {CONTRIBUTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {contributionKindShort[k]}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button button--small">
          Filter
        </button>
      </form>
      <section className="panel" aria-label="Contributions">
        {rows.length === 0 ? (
          <p>No contributions here.</p>
        ) : (
          <table className="item-table">
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">From</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-reference={r.reference}>
                  <td>
                    <Link href={`/admin/contributions/${r.id}`}>{r.subject || r.reference}</Link>
                  </td>
                  <td>{r.erasedAt ? <em>erased</em> : [r.name, r.organisation].filter(Boolean).join(', ')}</td>
                  <td>{contributionKindShort[r.kind]}</td>
                  <td>{statusLabels[r.status]}</td>
                  <td>
                    <time dateTime={r.createdAt.toISOString()}>{formatUtc(r.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
