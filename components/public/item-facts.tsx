import { formatDate, formatDateRange, isoDate } from '@/lib/format/dates';
import { availabilityLabel, publicationKindLabel } from '@/lib/format/labels';
import type { PublicItemCard } from '@/lib/content/published';

/** What the facts show of a meeting and of a publication (the public reads select exactly this). */
export type MeetingFactsData = NonNullable<PublicItemCard['meeting']>;
export type PublicationFactsData = NonNullable<PublicItemCard['publication']>;
type Meeting = MeetingFactsData;
type Publication = PublicationFactsData;

export function meetingPlace(m: Pick<Meeting, 'city' | 'country'>): string {
  return [m.city, m.country].filter(Boolean).join(', ');
}

/** When and where a meeting took place, as a meeting report shows it. */
export function MeetingFacts({ meeting }: { meeting: Meeting }) {
  const when = formatDateRange(meeting.startDate, meeting.endDate, meeting.datePrecision);
  const where = meetingPlace(meeting);
  return (
    <p className="facts facts--meeting">
      {when && meeting.startDate && (
        <time dateTime={isoDate(meeting.startDate)} className="facts__when">
          {when}
        </time>
      )}
      {when && where && <span aria-hidden="true"> · </span>}
      {where && <span className="facts__where">{where}</span>}
    </p>
  );
}

/** Who issued a publication and whether it can be had, as a review shows it. */
export function PublicationFacts({ publication }: { publication: Publication }) {
  return (
    <dl className="facts facts--publication">
      {publication.authors && (
        <div>
          <dt>By</dt>
          <dd>{publication.authors}</dd>
        </div>
      )}
      {publication.issuingBody && (
        <div>
          <dt>Issued by</dt>
          <dd>{publication.issuingBody}</dd>
        </div>
      )}
      {publication.date && (
        <div>
          <dt>Date</dt>
          <dd>{formatDate(publication.date, publication.datePrecision)}</dd>
        </div>
      )}
      <div>
        <dt>Kind</dt>
        <dd>{publicationKindLabel[publication.kind]}</dd>
      </div>
      <div>
        <dt>Availability</dt>
        <dd className={publication.availability === 'FORTHCOMING' ? 'badge badge--forthcoming' : undefined}>
          {availabilityLabel[publication.availability]}
        </dd>
      </div>
      {publication.isbn && (
        <div>
          <dt>ISBN</dt>
          <dd>{publication.isbn}</dd>
        </div>
      )}
    </dl>
  );
}
