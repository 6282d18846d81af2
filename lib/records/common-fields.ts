import type { DatePrecision } from '@/generated/prisma/enums';
import type { RecordField } from './record-kind';

/** Fields several record kinds share: how precise a date is, and a web address. */

const precision = (day: string, month: string): { value: DatePrecision; label: string }[] => [
  { value: 'DAY', label: day },
  { value: 'MONTH', label: month },
  { value: 'YEAR', label: 'Year only' },
];

/** The schema's `datePrecision` (lib/validation/common.ts datePrecisionSchema), in the kind's words. */
export function datePrecisionField(words: {
  label: string;
  /** The first choice: "Exact day", "Exact days". */
  day: string;
  month: string;
  compactLabel: string;
  row: string;
}): RecordField<'datePrecision'> {
  return {
    name: 'datePrecision',
    label: words.label,
    control: 'select',
    row: words.row,
    options: precision(words.day, words.month),
    compact: { label: words.compactLabel, options: precision('Day', 'Month only') },
  };
}

/** The schema's `url` (optionalWebUrl): "Web address" on the record's form, "Link" in the item form's. */
export function webAddressField(compactHint: string, row?: string): RecordField<'url'> {
  return {
    name: 'url',
    label: 'Web address',
    control: 'url',
    row,
    hint: 'Starting with http:// or https://.',
    compact: { label: 'Link', hint: compactHint },
  };
}
