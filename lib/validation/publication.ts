import { z } from 'zod';
import { Availability, PublicationKind } from '@/generated/prisma/enums';
import { datePrecisionSchema, optionalIsoDate, optionalText, optionalWebUrl, requiredText } from './common';

/** True for a well-formed ISBN-10 or ISBN-13 (hyphens and spaces allowed), checksum included. */
export function isValidIsbn(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(compact)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (10 - i) * (compact[i] === 'X' ? 10 : Number(compact[i]));
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(compact)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(compact[i]);
    return sum % 10 === 0;
  }
  return false;
}

/** A report, manual or assessment, as the publication form and the inline picker send it. */
export const publicationSchema = z.object({
  title: requiredText(500, 'the title of the publication'),
  authors: optionalText(600),
  issuingBody: optionalText(300),
  date: optionalIsoDate,
  datePrecision: datePrecisionSchema,
  kind: z.enum(PublicationKind, { error: 'Choose the kind of publication.' }).default('RESEARCH_REPORT'),
  availability: z.enum(Availability, { error: 'Choose whether it is out or forthcoming.' }).default('PUBLISHED'),
  url: optionalWebUrl,
  isbn: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine((v) => v === null || isValidIsbn(v), 'Enter a valid ISBN-10 or ISBN-13 (check the last digit).'),
});

export type PublicationInput = z.input<typeof publicationSchema>;
export type PublicationFields = z.output<typeof publicationSchema>;
