import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getMeeting, type MeetingView } from '@/lib/content/meetings';
import { listItemsForRecord } from '@/lib/content/items/list-items-for-record';
import { NotFoundError } from '@/lib/errors';
import { param, type SearchParams } from '@/components/admin/lists/search-params';
import { LinkedItems } from '@/components/admin/records/linked-items';
import { MeetingForm, type MeetingFormValues } from '@/components/admin/records/meeting-form';
import { MeetingDetails } from '@/components/admin/records/record-details';
import '@/components/admin/lists/desk-lists.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: 'Meeting' };

async function load(actor: Parameters<typeof getMeeting>[0], id: string): Promise<MeetingView> {
  try {
    return await getMeeting(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

const formValues = (m: MeetingView): MeetingFormValues => ({
  name: m.name,
  startDate: m.startDate ?? '',
  endDate: m.endDate ?? '',
  datePrecision: m.datePrecision,
  city: m.city,
  country: m.country,
  organisers: m.organisers,
  participants: m.participants,
  url: m.url ?? '',
});

/** One meeting: editors change it here; everyone else reads it. Either way, the items reporting on it. */
export default async function MeetingPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const meeting = await load(actor, id);
  const reports = await listItemsForRecord(actor, { meetingId: meeting.id });
  const editorial = can(actor, 'meeting.edit');
  const seesAll = can(actor, 'item.listAll');
  const added = param(await searchParams, 'saved') === 'new';

  return (
    <>
      <p className="breadcrumb-back">
        <Link href="/admin/meetings">← Meetings</Link>
      </p>
      <h1>{meeting.name}</h1>
      {added && (
        <p className="form-message form-message--ok" role="status">
          Meeting added.
          {editorial ? '' : ' From now on only editors can change it: ask one if something needs correcting.'}
        </p>
      )}
      <section className="panel" aria-labelledby="record-heading">
        <h2 id="record-heading">{editorial ? 'Edit the meeting' : 'The meeting'}</h2>
        {editorial ? (
          <MeetingForm
            mode="edit"
            meetingId={meeting.id}
            version={meeting.updatedAt.toISOString()}
            initial={formValues(meeting)}
          />
        ) : (
          <>
            <p className="muted">Only editors can change meeting records. If something is wrong, tell an editor.</p>
            <MeetingDetails meeting={meeting} />
          </>
        )}
      </section>
      <LinkedItems
        id="reports"
        title={seesAll ? 'Items reporting on this meeting' : 'Your items reporting on this meeting'}
        items={reports}
        empty={seesAll ? 'No item reports on this meeting yet.' : 'None of your items reports on this meeting.'}
        showAuthor={seesAll}
      />
    </>
  );
}
