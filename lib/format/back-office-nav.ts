import type { Role } from '@/generated/prisma/enums';
import { can, type Actor } from '@/lib/authz/policy';

export type NavItem = { href: string; label: string };

/**
 * The back office's sections a person sees, from the policy (each page checks again on its own).
 * Pure and browser-safe: the header recomputes it whenever it learns the person's current role.
 */
export function backOfficeNav(actor: { id: string; role: Role }): NavItem[] {
  const a: Actor = { id: actor.id, role: actor.role, status: 'ACTIVE' };
  return [
    { href: '/admin', label: 'Dashboard' },
    { href: '/admin/items', label: 'Items' },
    ...(can(a, 'issue.manage') ? [{ href: '/admin/issues', label: 'Bulletin issues' }] : []),
    { href: '/admin/meetings', label: 'Meetings' },
    { href: '/admin/publications', label: 'Publications' },
    ...(can(a, 'contribution.read') ? [{ href: '/admin/contributions', label: 'Contributions' }] : []),
    ...(can(a, 'user.manage')
      ? [
          { href: '/admin/users', label: 'People' },
          { href: '/admin/outbox', label: 'Outbox' },
        ]
      : []),
    ...(can(a, 'subscriber.manage') ? [{ href: '/admin/subscribers', label: 'Subscribers' }] : []),
    ...(can(a, 'settings.edit') ? [{ href: '/admin/settings', label: 'Settings' }] : []),
    ...(can(a, 'audit.read') ? [{ href: '/admin/audit', label: 'Audit log' }] : []),
    { href: '/admin/account', label: 'Your account' },
  ];
}
