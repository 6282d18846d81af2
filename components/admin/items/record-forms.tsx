'use client';

import { Availability, PublicationKind } from '@/generated/prisma/enums';
import { createMeetingAction, createPublicationAction } from '@/app/admin/items/new/record-actions';
import { availabilityLabel, publicationKindLabel } from '@/lib/format/labels';
import { meetingSchema } from '@/lib/validation/meeting';
import { publicationSchema } from '@/lib/validation/publication';
import { InlineRecordForm, type RecordFieldSpec } from './inline-record-form';
import type { RecordOption } from '@/lib/format/record-options';

const precision = [
  { value: 'DAY', label: 'Day' },
  { value: 'MONTH', label: 'Month only' },
  { value: 'YEAR', label: 'Year only' },
] as const;

const meetingFields: RecordFieldSpec[] = [
  { name: 'name', label: 'Name of the meeting' },
  { name: 'startDate', label: 'Starts', type: 'date' },
  { name: 'endDate', label: 'Ends', type: 'date' },
  { name: 'datePrecision', label: 'Dates known to the', type: 'select', options: precision },
  { name: 'city', label: 'City' },
  { name: 'country', label: 'Country' },
  { name: 'organisers', label: 'Organisers' },
  { name: 'participants', label: 'Who took part', type: 'textarea' },
  { name: 'url', label: 'Link', type: 'url', hint: 'The meeting’s web page, starting with https://' },
];

const publicationFields: RecordFieldSpec[] = [
  { name: 'title', label: 'Title of the publication' },
  { name: 'authors', label: 'Authors' },
  { name: 'issuingBody', label: 'Issuing body' },
  { name: 'date', label: 'Date', type: 'date' },
  { name: 'datePrecision', label: 'Date known to the', type: 'select', options: precision },
  {
    name: 'kind',
    label: 'Kind',
    type: 'select',
    options: Object.values(PublicationKind).map((k) => ({ value: k, label: publicationKindLabel[k] })),
  },
  {
    name: 'availability',
    label: 'Availability',
    type: 'select',
    options: Object.values(Availability).map((a) => ({ value: a, label: availabilityLabel[a] })),
  },
  { name: 'url', label: 'Link', type: 'url', hint: 'Where to find it, starting with https://' },
  { name: 'isbn', label: 'ISBN', hint: 'ISBN-10 or ISBN-13, with or without hyphens' },
];

type Props = { onCreated: (option: RecordOption) => void; onCancel: () => void };

export function NewMeetingForm(props: Props) {
  return (
    <InlineRecordForm
      idPrefix="new-meeting"
      legend="New meeting"
      fields={meetingFields}
      schema={meetingSchema}
      submitLabel="Create meeting"
      create={createMeetingAction}
      {...props}
    />
  );
}

export function NewPublicationForm(props: Props) {
  return (
    <InlineRecordForm
      idPrefix="new-publication"
      legend="New publication"
      fields={publicationFields}
      schema={publicationSchema}
      submitLabel="Create publication"
      create={createPublicationAction}
      {...props}
    />
  );
}
