import { formatDateRange } from '@/lib/format/dates';
import { dateFromIso } from '@/lib/validation/common';
import { meetingSchema, type MeetingFields } from '@/lib/validation/meeting';
import { datePrecisionField, webAddressField } from './common-fields';
import { defineRecordKind } from './record-kind';

/** "26–28 February 2002", as precise as what is known; '' without a start date. */
export function meetingDates(m: Pick<MeetingFields, 'startDate' | 'endDate' | 'datePrecision'>): string {
  return formatDateRange(dateFromIso(m.startDate), dateFromIso(m.endDate), m.datePrecision);
}

/** "Vienna, Austria" */
export function meetingPlace(m: Pick<MeetingFields, 'city' | 'country'>): string {
  return [m.city, m.country].filter(Boolean).join(', ');
}

/**
 * Meetings and conferences: anyone with an account may add one (for their report, from the item
 * page); editors curate them. One exists on its own: an upcoming conference is listed before anyone
 * reports on it.
 */
export const meetingKind = defineRecordKind({
  key: 'meeting',
  noun: { one: 'meeting', many: 'meetings', a: 'a meeting' },
  schema: meetingSchema,
  fields: [
    { name: 'name', label: 'Name of the meeting', required: true },
    { name: 'startDate', label: 'Start date', control: 'date', row: 'dates', compact: { label: 'Starts' } },
    {
      name: 'endDate',
      label: 'End date',
      control: 'date',
      row: 'dates',
      hint: 'Leave empty for a one-day meeting.',
      compact: { label: 'Ends', hint: null },
    },
    datePrecisionField({
      label: 'How precise the dates are',
      day: 'Exact days',
      month: 'Month only (“January 2002”)',
      compactLabel: 'Dates known to the',
      row: 'dates',
    }),
    { name: 'city', label: 'City', row: 'place' },
    { name: 'country', label: 'Country', row: 'place' },
    { name: 'organisers', label: 'Organisers', control: 'textarea', rows: 2, compact: { control: 'text' } },
    {
      name: 'participants',
      label: 'Who took part',
      control: 'textarea',
      rows: 3,
      hint: 'A line on who attended: ministers, agencies, NGOs.',
      compact: { hint: null },
    },
    webAddressField('The meeting’s web page, starting with https://'),
  ],
  titleField: 'name',
  dateFields: ['startDate', 'endDate'],
  lede: {
    list: 'Conferences and meetings the bulletin reports on, including those nobody has written about yet.',
    new: 'A conference or meeting, whether or not anyone has reported on it yet.',
  },
  list: {
    search: ['name', 'city', 'country', 'organisers'],
    searchHint: 'Words in the name, place or organisers.',
    orderBy: 'startDate',
    orderCaption: 'latest start date first',
    titleHeader: 'Name',
    columns: [
      { header: 'Dates', value: meetingDates, empty: 'No dates', sortedNote: 'latest first' },
      { header: 'Place', value: meetingPlace },
      { header: 'Organisers', value: (m) => m.organisers },
    ],
  },
  details: [
    { label: 'Name', value: (m) => m.name },
    { label: 'Dates', value: meetingDates },
    { label: 'Place', value: meetingPlace },
    { label: 'Organisers', value: (m) => m.organisers },
    { label: 'Who took part', value: (m) => m.participants },
    { label: 'Web address', value: (m) => m.url, link: true },
  ],
  describe: (m) => [meetingDates(m), meetingPlace(m)].filter(Boolean).join(' · '),
  linked: {
    itemField: 'meetingId',
    id: 'reports',
    countHeader: 'Reports',
    title: { all: 'Items reporting on this meeting', mine: 'Your items reporting on this meeting' },
    empty: { all: 'No item reports on this meeting yet.', mine: 'None of your items reports on this meeting.' },
  },
});
