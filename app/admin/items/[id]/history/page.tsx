import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/or-not-found';
import { getItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { listRevisions, type RevisionSummary } from '@/lib/content/items/list-revisions';
import { compareRevisions, type RevisionComparison } from '@/lib/content/items/compare-revisions';
import { NotFoundError } from '@/lib/errors';
import { ChangeList } from '@/components/admin/items/change-list';
import { revisionKindLabel } from '@/lib/format/desk-labels';
import { LocalTime } from '@/components/admin/items/local-time';
import { RestoreRevisionButton } from '@/components/admin/items/restore-revision-button';
import '@/components/admin/items/item-desk.css';

export const metadata: Metadata = { title: 'Item history' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

const revisionNumber = (v: string | string[] | undefined) => {
  const n = typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
};

function describe(r: RevisionSummary): string {
  const what =
    r.kind === 'RESTORE' && r.restoredFromNumber
      ? `Restored from revision ${r.restoredFromNumber}`
      : revisionKindLabel[r.kind];
  return what;
}

/**
 * An item's revisions (who, when, what kind of save), a comparison of any two (word by word for the
 * texts, field by field for the rest) and restoring one, which adds a revision rather than rewriting
 * history.
 */
export default async function ItemHistoryPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const item = await orNotFound(getItemForEdit(actor, id));
  const revisions = await listRevisions(actor, id);
  const sp = await searchParams;
  let from = revisionNumber(sp.from);
  let to = revisionNumber(sp.to);
  if ((from === null || to === null) && revisions.length >= 2) {
    to ??= revisions[0]!.number;
    from ??= revisions.find((r) => r.number < to!)?.number ?? revisions[1]!.number;
  }
  let comparison: RevisionComparison | null = null;
  let compareProblem: string | null = null;
  if (from !== null && to !== null) {
    if (from === to) compareProblem = 'Choose two different revisions to compare.';
    else {
      try {
        comparison = await compareRevisions(actor, id, from, to);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        compareProblem = 'One of those revisions does not exist.';
      }
    }
  }
  const latest = revisions.find((r) => r.kind !== 'CONFLICT')?.number;

  return (
    <>
      <p className="kicker">
        <Link href={`/admin/items/${id}`}>← Back to the item</Link>
      </p>
      <h1>History: {item.fields.title}</h1>
      <p className="bo-lede">
        Every save is kept. Autosaves by one person within a few minutes share a revision; a save refused because
        someone else had saved first is kept too, so no text is ever lost. Restoring a revision adds a new one.
      </p>

      {revisions.length >= 2 && (
        <section className="panel" aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare</h2>
          <form method="get" className="compare-form">
            <div className="field">
              <label htmlFor="compare-from">Compare revision</label>
              <select id="compare-from" name="from" defaultValue={from ?? undefined}>
                {revisions.map((r) => (
                  <option key={r.number} value={r.number}>
                    {r.number}: {describe(r)}, {r.author.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-to">with revision</label>
              <select id="compare-to" name="to" defaultValue={to ?? undefined}>
                {revisions.map((r) => (
                  <option key={r.number} value={r.number}>
                    {r.number}: {describe(r)}, {r.author.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--quiet">
              Compare
            </button>
          </form>
          {compareProblem && <p className="form-message form-message--error">{compareProblem}</p>}
          {comparison && (
            <div className="comparison" data-testid="comparison">
              <h3>
                From revision {comparison.from.number} ({describe(comparison.from)}, {comparison.from.author.name}) to
                revision {comparison.to.number} ({describe(comparison.to)}, {comparison.to.author.name})
              </h3>
              <p className="muted">
                Inserted words are underlined (<ins>like this</ins>), deleted words struck through (<del>like this</del>
                ).
              </p>
              <ChangeList changes={comparison.changes} empty="These two revisions hold the same fields." />
            </div>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">Revisions</h2>
        {revisions.length === 0 ? (
          <p className="muted">No revisions yet: the first save records one.</p>
        ) : (
          <div className="table-wrap">
            <table className="revisions">
              <thead>
                <tr>
                  <th scope="col">Revision</th>
                  <th scope="col">What</th>
                  <th scope="col">Who</th>
                  <th scope="col">When</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r, i) => {
                  const previous = revisions[i + 1];
                  return (
                    <tr key={r.number} data-revision={r.number} data-kind={r.kind}>
                      <th scope="row">
                        {r.number}
                        {r.number === latest && <span className="muted"> (current)</span>}
                      </th>
                      <td>{describe(r)}</td>
                      <td>{r.author.name}</td>
                      <td>
                        <LocalTime date={r.updatedAt} />
                      </td>
                      <td>
                        <div className="row-actions">
                          {previous && (
                            <Link
                              href={`/admin/items/${id}/history?from=${previous.number}&to=${r.number}`}
                              aria-label={`Compare revision ${r.number} with revision ${previous.number}`}
                            >
                              Compare with previous
                            </Link>
                          )}
                          {item.permissions.restoreRevision && r.number !== latest && (
                            <RestoreRevisionButton itemId={id} number={r.number} expectedVersion={item.version} />
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
