import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { PublicationForm } from '@/components/admin/records/publication-form';
import '@/components/admin/lists/desk-lists.css';

export const metadata: Metadata = { title: 'Add a publication' };

/** Anyone signed in may add a publication (a contributor, for the review they are about to write). */
export default async function NewPublicationPage() {
  await requireActor();
  return (
    <>
      <p className="breadcrumb-back">
        <Link href="/admin/publications">← Publications</Link>
      </p>
      <h1>Add a publication</h1>
      <p className="bo-lede">A report, manual or assessment, out now or forthcoming.</p>
      <section className="panel">
        <PublicationForm mode="create" />
      </section>
    </>
  );
}
