import Link from 'next/link';
import type { SessionActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { roleLabel } from '@/lib/format/labels';
import { AdminNav, type NavItem } from './admin-nav';
import { SignOutButton } from './sign-out-button';

/**
 * The frame of every back-office page: brand, sections, who is signed in, sign out. Sections appear
 * only to those the policy lets in; each page checks again on its own (layouts do not re-render on
 * every navigation).
 */
export function AdminShell({ actor, children }: { actor: SessionActor; children: React.ReactNode }) {
  const items: NavItem[] = [
    { href: '/admin', label: 'Dashboard' },
    { href: '/admin/items', label: 'Items' },
    ...(can(actor, 'issue.manage') ? [{ href: '/admin/issues', label: 'Bulletin issues' }] : []),
    { href: '/admin/meetings', label: 'Meetings' },
    { href: '/admin/publications', label: 'Publications' },
    ...(can(actor, 'contribution.read') ? [{ href: '/admin/contributions', label: 'Contributions' }] : []),
    ...(can(actor, 'user.manage')
      ? [
          { href: '/admin/users', label: 'People' },
          { href: '/admin/outbox', label: 'Outbox' },
        ]
      : []),
    ...(can(actor, 'subscriber.manage') ? [{ href: '/admin/subscribers', label: 'Subscribers' }] : []),
    ...(can(actor, 'settings.edit') ? [{ href: '/admin/settings', label: 'Settings' }] : []),
    ...(can(actor, 'audit.read') ? [{ href: '/admin/audit', label: 'Audit log' }] : []),
    { href: '/admin/account', label: 'Your account' },
  ];
  return (
    <div className="bo">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="bo-header">
        <div className="bo-header__inner">
          <Link href="/admin" className="bo-brand">
            Quire
          </Link>
          <AdminNav items={items} />
          <div className="bo-user">
            <span>
              {actor.name} ({roleLabel[actor.role]})
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="bo-main">
        {children}
      </main>
    </div>
  );
}
