'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Role } from '@/generated/prisma/enums';
import { backOfficeNav } from '@/lib/format/back-office-nav';
import { roleLabel } from '@/lib/format/labels';
import { AdminNav } from './admin-nav';
import { SignOutButton } from './sign-out-button';

export type ShellPerson = { id: string; name: string; role: Role };

/**
 * The back office's header. The layout draws it once with the person as the server read them; the
 * layout is not rendered again on later navigations, so on every change of address the header asks
 * the server who is signed in now (/api/admin/shell) and redraws its menu and role from the answer: a
 * promotion or a demotion shows on the person's next navigation, not only after a full reload.
 */
export function AdminHeader({ person: initial }: { person: ShellPerson }) {
  const pathname = usePathname();
  const [person, setPerson] = useState(initial);
  const [seenPath, setSeenPath] = useState(pathname);

  useEffect(() => {
    if (pathname === seenPath) return;
    const controller = new AbortController();
    fetch('/api/admin/shell', { cache: 'no-store', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) return;
        const body = (await response.json()) as { actor: ShellPerson | null };
        if (body.actor) setPerson(body.actor);
        setSeenPath(pathname);
      })
      // Offline or aborted: keep what is shown; the page itself checks again.
      .catch(() => {});
    return () => controller.abort();
  }, [pathname, seenPath]);

  return (
    <header className="bo-header">
      <div className="bo-header__inner">
        <Link href="/admin" className="bo-brand">
          Quire
        </Link>
        <AdminNav items={backOfficeNav(person)} />
        <div className="bo-user" data-testid="signed-in-as">
          <span>
            {person.name} ({roleLabel[person.role]})
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
