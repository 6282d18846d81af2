import type { Metadata } from 'next';
import { requireActor } from '@/lib/auth/current-actor';
import { AdminShell } from '@/components/admin/admin-shell';
import '@/components/admin/back-office.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Back office', template: '%s · Quire back office' },
  robots: { index: false },
};

/** The back office: signed-in, active accounts only (re-checked against the database on every request). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return <AdminShell actor={actor}>{children}</AdminShell>;
}
