import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { MeetingForm } from '@/components/admin/records/meeting-form';
import '@/components/admin/lists/desk-lists.css';

export const metadata: Metadata = { title: 'Add a meeting' };

/** Anyone signed in may add a meeting (a contributor, for the report they are about to write). */
export default async function NewMeetingPage() {
  await requireActor();
  return (
    <>
      <p className="breadcrumb-back">
        <Link href="/admin/meetings">← Meetings</Link>
      </p>
      <h1>Add a meeting</h1>
      <p className="bo-lede">A conference or meeting, whether or not anyone has reported on it yet.</p>
      <section className="panel">
        <MeetingForm mode="create" />
      </section>
    </>
  );
}
