import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { roleLabel } from '@/lib/format/labels';

export const metadata: Metadata = { title: 'Dashboard' };

/** The back office's front page. The editorial desk (items, review queue, issues) will fill it. */
export default async function AdminDashboard() {
  const actor = await requireActor();
  return (
    <>
      <h1>Welcome, {actor.name}</h1>
      <p className="bo-lede" data-testid="current-role">
        You are signed in as {roleLabel[actor.role].toLowerCase()}.
      </p>
      <ul className="cards">
        {can(actor, 'user.manage') && (
          <>
            <li>
              <Link href="/admin/users">
                <strong>People</strong>
                Invite editors and contributors, change roles, deactivate accounts.
              </Link>
            </li>
            <li>
              <Link href="/admin/outbox">
                <strong>Outbox</strong>
                Invitations and password links that were not sent by e-mail.
              </Link>
            </li>
          </>
        )}
        <li>
          <Link href="/admin/account">
            <strong>Your account</strong>
            Your name and password.
          </Link>
        </li>
        <li>
          <Link href="/">
            <strong>The public site</strong>
            The bulletin as readers see it.
          </Link>
        </li>
      </ul>
    </>
  );
}
