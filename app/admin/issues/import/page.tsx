import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { adminHref } from '@/lib/issues/hrefs';
import { ImportScreen } from '@/components/admin/import/import-screen';
import '@/components/admin/issues.css';

export const metadata: Metadata = { title: 'Import a past bulletin' };

/** Editors and admins bring in a past bulletin: upload or paste it, review the proposal, create the issue. */
export default async function ImportPage() {
  const actor = await requireActor();
  if (!can(actor, 'issue.import')) forbidden();
  return (
    <>
      <p className="bo-back">
        <Link href={adminHref.issues()}>← All issues</Link>
      </p>
      <h1>Import a past bulletin</h1>
      <p className="bo-lede">
        Quire reads a bulletin’s text or Word file and proposes the issue: its sections, its items, the meetings and
        publications they are about. Nothing is saved until you press “Create issue”.
      </p>
      <ImportScreen />
    </>
  );
}
