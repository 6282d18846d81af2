'use client';

import { createMeetingAction, createPublicationAction } from '@/app/admin/items/new/record-actions';
import { meetingKind } from '@/lib/records/meeting';
import { publicationKind } from '@/lib/records/publication';
import type { RecordOption } from '@/lib/records/record-kind';
import { InlineRecordForm } from './inline-record-form';

type Props = { onCreated: (option: RecordOption) => void; onCancel: () => void };

/** The item form's "New meeting" and "New publication": the one inline form, with each kind's fields. */
export const NewMeetingForm = (props: Props) => (
  <InlineRecordForm kind={meetingKind} create={createMeetingAction} {...props} />
);
export const NewPublicationForm = (props: Props) => (
  <InlineRecordForm kind={publicationKind} create={createPublicationAction} {...props} />
);
