import type { DatePrecision, PublicationKind, Availability } from '@/generated/prisma/enums';
import { formatDate, formatDateRange } from '@/lib/format/dates';
import { availabilityLabel, publicationKindLabel } from '@/lib/format/labels';
import { dateFromIso } from '@/lib/validation/common';

/** What a meeting or publication picker shows of a record: its name and one line to tell it apart. */
export type RecordOption = { id: string; label: string; detail: string };

export function meetingOption(m: {
  id: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
  datePrecision: DatePrecision | string;
  city: string;
  country: string;
}): RecordOption {
  const when = formatDateRange(dateFromIso(m.startDate), dateFromIso(m.endDate), m.datePrecision as DatePrecision);
  const where = [m.city, m.country].filter(Boolean).join(', ');
  return { id: m.id, label: m.name, detail: [when, where].filter(Boolean).join(' · ') };
}

export function publicationOption(p: {
  id: string;
  title: string;
  authors: string;
  issuingBody: string;
  date: string | null;
  datePrecision: DatePrecision | string;
  kind: PublicationKind | string;
  availability: Availability | string;
}): RecordOption {
  const date = dateFromIso(p.date);
  return {
    id: p.id,
    label: p.title,
    detail: [
      p.issuingBody || p.authors,
      date ? formatDate(date, p.datePrecision as DatePrecision) : '',
      publicationKindLabel[p.kind as PublicationKind] ?? '',
      p.availability === 'FORTHCOMING' ? availabilityLabel.FORTHCOMING : '',
    ]
      .filter(Boolean)
      .join(' · '),
  };
}
