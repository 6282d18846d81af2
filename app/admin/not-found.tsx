import Link from 'next/link';

/**
 * "Not found" inside the back office, drawn in its own frame (header, menu). The same page whether
 * the thing never existed or is not this person's to see (a contributor opening someone else's item
 * by its address): the answer must not tell the two apart.
 */
export default function AdminNotFound() {
  return (
    <div className="status-page" data-testid="admin-not-found">
      <p className="status-page__code">404</p>
      <h1>Nothing here</h1>
      <p>There is nothing at this address for you: it may be mistyped, or what it named may have been removed.</p>
      <ul className="status-page__links">
        <li>
          <Link href="/admin">Back to the dashboard</Link>
        </li>
        <li>
          <Link href="/admin/items">Items</Link>
        </li>
      </ul>
    </div>
  );
}
