import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { listIssues } from '@/lib/issues/list-issues';
import { suggestNextIssueNumber } from '@/lib/issues/suggest-next-issue-number';
import { adminHref } from '@/lib/issues/hrefs';
import { formatDate, formatUtc } from '@/lib/format/dates';
import { issueLabel } from '@/lib/format/labels';
import { issueStateLabel } from '@/lib/format/issue-desk';
import { NewIssueForm } from '@/components/admin/issues/new-issue-form';
import '@/components/admin/issues.css';

export const metadata: Metadata = { title: 'Bulletin issues' };

export default async function IssuesPage() {
  const actor = await requireActor();
  if (!can(actor, 'issue.manage')) forbidden();
  const [issues, nextNumber] = await Promise.all([listIssues(actor), suggestNextIssueNumber(actor)]);

  return (
    <>
      <h1>Bulletin issues</h1>
      <p className="bo-lede">Plan each issue, place and order its items, preview it, and publish it all at once.</p>

      <section className="panel" aria-labelledby="new-issue-heading">
        <h2 id="new-issue-heading">New issue</h2>
        <p className="muted">It starts with the sections of the template in the publication settings.</p>
        <NewIssueForm suggestedNumber={nextNumber} />
        <p>
          Or <Link href="/admin/issues/import">import a past bulletin</Link> from its text or Word file.
        </p>
      </section>

      <section className="panel" aria-labelledby="issues-heading">
        <h2 id="issues-heading">All issues</h2>
        {issues.length === 0 ? (
          <p className="muted">No issues yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="accounts issues-table">
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">State</th>
                  <th scope="col">Schedule</th>
                  <th scope="col">Contents</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((issue) => {
                  const approved = (issue.itemsByState.APPROVED ?? 0) + (issue.itemsByState.PUBLISHED ?? 0);
                  return (
                    <tr key={issue.id} data-issue-number={issue.number}>
                      <th scope="row">
                        <Link href={adminHref.issue(issue.id)}>
                          {issueLabel(issue.number)}
                          {issue.coverLabel ? ` – ${issue.coverLabel}` : ''}
                        </Link>
                        <span className="accounts__email">
                          {issue.coverDate ? `Cover date ${formatDate(issue.coverDate)}` : 'No cover date'}
                        </span>
                      </th>
                      <td>
                        <span className={`badge badge--issue-${issue.state.toLowerCase()}`}>
                          {issueStateLabel[issue.state]}
                        </span>
                        {issue.publishedAt && (
                          <span className="accounts__email">since {formatUtc(issue.publishedAt)}</span>
                        )}
                      </td>
                      <td>
                        {issue.scheduleError ? (
                          <span className="issues-table__failed">Scheduled publication failed</span>
                        ) : issue.scheduledAt ? (
                          <>Publishes {formatUtc(issue.scheduledAt)}</>
                        ) : (
                          <span className="muted">Not scheduled</span>
                        )}
                      </td>
                      <td>
                        {issue.sectionCount} {issue.sectionCount === 1 ? 'section' : 'sections'}, {issue.itemCount}{' '}
                        {issue.itemCount === 1 ? 'item' : 'items'}
                        {issue.itemCount > 0 && (
                          <span className="accounts__email">
                            {issue.state === 'PUBLISHED'
                              ? `${issue.itemsByState.PUBLISHED ?? 0} published`
                              : `${approved} approved`}
                          </span>
                        )}
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
