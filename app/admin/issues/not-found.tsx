import Link from 'next/link';

/** An issue address that names no issue (deleted, mistyped). */
export default function IssueNotFound() {
  return (
    <div className="status-page">
      <p className="status-page__code">404</p>
      <h1>There is no such issue</h1>
      <p>The address may be mistyped, or the issue may have been removed.</p>
      <ul className="status-page__links">
        <li>
          <Link href="/admin/issues">All bulletin issues</Link>
        </li>
      </ul>
    </div>
  );
}
