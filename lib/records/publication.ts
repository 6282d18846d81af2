import { Availability, PublicationKind } from '@/generated/prisma/enums';
import { formatDate } from '@/lib/format/dates';
import { availabilityLabel, publicationKindLabel } from '@/lib/format/labels';
import { dateFromIso } from '@/lib/validation/common';
import { publicationSchema, type PublicationFields } from '@/lib/validation/publication';
import { datePrecisionField, webAddressField } from './common-fields';
import { defineRecordKind } from './record-kind';

/** "June 2002", as precise as what is known; '' without a date. */
export function publicationDate(p: Pick<PublicationFields, 'date' | 'datePrecision'>): string {
  const date = dateFromIso(p.date);
  return date ? formatDate(date, p.datePrecision) : '';
}

const kindOptions = Object.values(PublicationKind).map((k) => ({ value: k, label: publicationKindLabel[k] }));

/**
 * Reports, manuals and assessments reviewed in the bulletin: anyone with an account may add one (for
 * their review); editors curate them.
 */
export const publicationKind = defineRecordKind({
  key: 'publication',
  noun: { one: 'publication', many: 'publications', a: 'a publication' },
  schema: publicationSchema,
  fields: [
    {
      name: 'title',
      label: 'Title',
      control: 'textarea',
      rows: 2,
      required: true,
      compact: { label: 'Title of the publication', control: 'text' },
    },
    { name: 'authors', label: 'Authors' },
    {
      name: 'issuingBody',
      label: 'Issuing body',
      hint: 'The government, organisation or publisher behind it.',
      compact: { hint: null },
    },
    { name: 'date', label: 'Date', control: 'date', row: 'when' },
    datePrecisionField({
      label: 'How precise the date is',
      day: 'Exact day',
      month: 'Month only',
      compactLabel: 'Date known to the',
      row: 'when',
    }),
    {
      name: 'kind',
      label: 'Kind of publication',
      control: 'select',
      row: 'when',
      options: kindOptions,
      compact: { label: 'Kind' },
    },
    {
      name: 'availability',
      label: 'Availability',
      control: 'radio',
      options: Object.values(Availability).map((a) => ({
        value: a,
        label: a === 'FORTHCOMING' ? 'Forthcoming (to be released)' : 'Available',
      })),
      compact: { options: Object.values(Availability).map((a) => ({ value: a, label: availabilityLabel[a] })) },
    },
    webAddressField('Where to find it, starting with https://', 'links'),
    {
      name: 'isbn',
      label: 'ISBN',
      row: 'links',
      hint: 'ISBN-10 or ISBN-13; hyphens are fine.',
      compact: { hint: 'ISBN-10 or ISBN-13, with or without hyphens' },
    },
  ],
  titleField: 'title',
  dateFields: ['date'],
  lede: {
    list: 'Reports, manuals and assessments the bulletin reviews, including forthcoming ones.',
    new: 'A report, manual or assessment, out now or forthcoming.',
  },
  list: {
    search: ['title', 'authors', 'issuingBody', 'isbn'],
    searchHint: 'Words in the title, authors or issuing body, or an ISBN.',
    orderBy: 'date',
    orderCaption: 'newest first',
    titleHeader: 'Title',
    subtitle: (p) => p.authors,
    columns: [
      { header: 'Issuing body', value: (p) => p.issuingBody },
      { header: 'Date', value: publicationDate, empty: 'No date', sortedNote: 'newest first' },
      { header: 'Kind', value: (p) => publicationKindLabel[p.kind] },
      { header: 'Availability', value: (p) => availabilityLabel[p.availability] },
      { header: 'ISBN', value: (p) => p.isbn ?? '' },
    ],
  },
  details: [
    { label: 'Title', value: (p) => p.title },
    { label: 'Authors', value: (p) => p.authors },
    { label: 'Issuing body', value: (p) => p.issuingBody },
    { label: 'Date', value: publicationDate },
    { label: 'Kind', value: (p) => publicationKindLabel[p.kind] },
    { label: 'Availability', value: (p) => availabilityLabel[p.availability] },
    { label: 'Web address', value: (p) => p.url, link: true },
    { label: 'ISBN', value: (p) => p.isbn },
  ],
  describe: (p) =>
    [
      p.issuingBody || p.authors,
      publicationDate(p),
      publicationKindLabel[p.kind] ?? '',
      p.availability === 'FORTHCOMING' ? availabilityLabel.FORTHCOMING : '',
    ]
      .filter(Boolean)
      .join(' · '),
  linked: {
    itemField: 'publicationId',
    id: 'reviews',
    countHeader: 'Reviews',
    title: { all: 'Items reviewing this publication', mine: 'Your items reviewing this publication' },
    empty: { all: 'No item reviews this publication yet.', mine: 'None of your items reviews this publication.' },
  },
});
