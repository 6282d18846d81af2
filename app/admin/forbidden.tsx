import Link from 'next/link';

/**
 * A signed-in person opening a back-office page their role does not include. The page's existence is
 * no secret (every Quire has it), so this says "not for you" (403) rather than pretending it is absent.
 */
export default function AdminForbidden() {
  return (
    <div className="status-page">
      <p className="status-page__code">403</p>
      <h1>This page is not open to you</h1>
      <p>Your role does not include it. If you need it for your work, ask an administrator.</p>
      <ul className="status-page__links">
        <li>
          <Link href="/admin">Back to the dashboard</Link>
        </li>
      </ul>
    </div>
  );
}
