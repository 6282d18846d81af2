import Link from 'next/link';

export function NotFoundMessage() {
  return (
    <div className="status-page">
      <p className="status-page__code">404</p>
      <h1>This page is not in the bulletin</h1>
      <p>The address may be mistyped, or the page may have moved. Every published issue is in the archive.</p>
      <ul className="status-page__links">
        <li>
          <Link href="/">The latest issue</Link>
        </li>
        <li>
          <Link href="/issues">The archive</Link>
        </li>
      </ul>
    </div>
  );
}
