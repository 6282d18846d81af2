import type { MeetingView } from '@/lib/content/meetings';
import type { PublicationView } from '@/lib/content/publications';
import { formatDate, formatDateRange } from '@/lib/format/dates';
import { availabilityLabel, publicationKindLabel } from '@/lib/format/labels';
import { dateFromIso } from '@/lib/validation/common';

const none = <span className="muted">Not given</span>;

function WebLink({ url }: { url: string | null }) {
  return url ? (
    <a href={url} rel="noopener noreferrer nofollow" target="_blank">
      {url}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  ) : (
    none
  );
}

export function meetingDates(m: Pick<MeetingView, 'startDate' | 'endDate' | 'datePrecision'>): string {
  return formatDateRange(dateFromIso(m.startDate), dateFromIso(m.endDate), m.datePrecision);
}

export function meetingPlace(m: Pick<MeetingView, 'city' | 'country'>): string {
  return [m.city, m.country].filter(Boolean).join(', ');
}

/** A meeting record, read-only (for those who may not change it). */
export function MeetingDetails({ meeting }: { meeting: MeetingView }) {
  return (
    <dl className="record-facts">
      <dt>Name</dt>
      <dd>{meeting.name}</dd>
      <dt>Dates</dt>
      <dd>{meetingDates(meeting) || none}</dd>
      <dt>Place</dt>
      <dd>{meetingPlace(meeting) || none}</dd>
      <dt>Organisers</dt>
      <dd>{meeting.organisers || none}</dd>
      <dt>Who took part</dt>
      <dd>{meeting.participants || none}</dd>
      <dt>Web address</dt>
      <dd>
        <WebLink url={meeting.url} />
      </dd>
    </dl>
  );
}

export function publicationDate(p: Pick<PublicationView, 'date' | 'datePrecision'>): string {
  const date = dateFromIso(p.date);
  return date ? formatDate(date, p.datePrecision) : '';
}

/** A publication record, read-only (for those who may not change it). */
export function PublicationDetails({ publication: p }: { publication: PublicationView }) {
  return (
    <dl className="record-facts">
      <dt>Title</dt>
      <dd>{p.title}</dd>
      <dt>Authors</dt>
      <dd>{p.authors || none}</dd>
      <dt>Issuing body</dt>
      <dd>{p.issuingBody || none}</dd>
      <dt>Date</dt>
      <dd>{publicationDate(p) || none}</dd>
      <dt>Kind</dt>
      <dd>{publicationKindLabel[p.kind]}</dd>
      <dt>Availability</dt>
      <dd>{availabilityLabel[p.availability]}</dd>
      <dt>Web address</dt>
      <dd>
        <WebLink url={p.url} />
      </dd>
      <dt>ISBN</dt>
      <dd>{p.isbn || none}</dd>
    </dl>
  );
}
