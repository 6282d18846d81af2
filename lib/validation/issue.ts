import { z } from 'zod';
import { ItemKind } from '@/generated/prisma/enums';
import { cleanString } from './common';

/** Bulletin issue planning: shared by the desk's forms and lib/issues. Browser-safe. */

export const ISSUE_NUMBER_MAX = 999_999;
export const COVER_LABEL_MAX = 80;
export const SECTION_TITLE_MAX = 120;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as YYYY-MM-DD (what <input type="date"> sends) or a Date; empty → null. Stored as UTC midnight. */
export const optionalCalendarDate = z
  .union([z.string(), z.date()], { error: 'Enter a date as YYYY-MM-DD.' })
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'Enter a real date.' });
        return z.NEVER;
      }
      return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
    }
    const trimmed = value.trim();
    if (trimmed === '') return null;
    const m = ISO_DATE.exec(trimmed);
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (
      !m ||
      !date ||
      date.getUTCFullYear() !== Number(m[1]) ||
      date.getUTCMonth() !== Number(m[2]) - 1 ||
      date.getUTCDate() !== Number(m[3]) ||
      Number(m[1]) < 1000
    ) {
      ctx.addIssue({ code: 'custom', message: 'Enter a real date as YYYY-MM-DD.' });
      return z.NEVER;
    }
    return date;
  });

export const issueNumberSchema = z.coerce
  .number({ error: 'Enter the issue number.' })
  .int('Enter a whole number.')
  .min(1, 'Issue numbers start at 1.')
  .max(ISSUE_NUMBER_MAX, `Keep the number under ${ISSUE_NUMBER_MAX + 1}.`);

/** The cover label ("Summer 2002") may wait: a missing one blocks publishing, not planning. */
export const coverLabelSchema = cleanString()
  .trim()
  .max(COVER_LABEL_MAX, `Keep the cover label under ${COVER_LABEL_MAX + 1} characters.`)
  .nullish()
  .transform((v) => v ?? '');

export const createIssueSchema = z.object({
  number: issueNumberSchema,
  coverLabel: coverLabelSchema,
  coverDate: optionalCalendarDate,
});
export type CreateIssueInput = z.input<typeof createIssueSchema>;

export const updateIssueSchema = createIssueSchema;
export type UpdateIssueInput = z.input<typeof updateIssueSchema>;

export const sectionTitleSchema = cleanString('single-line', 'Enter a section title.')
  .trim()
  .min(1, 'Enter a section title.')
  .max(SECTION_TITLE_MAX, `Keep the title under ${SECTION_TITLE_MAX + 1} characters.`);

/** "Any kind" is null; forms send "" for it. */
export const acceptsKindSchema = z
  .union([z.enum(ItemKind), z.literal('')], { error: 'Choose a kind of item, or any kind.' })
  .nullish()
  .transform((v) => (v ? v : null));

export const sectionInputSchema = z.object({
  title: sectionTitleSchema,
  acceptsKind: acceptsKindSchema,
});
export type SectionInput = z.input<typeof sectionInputSchema>;
