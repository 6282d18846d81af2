import { z } from 'zod';
import { optionalId, optionalIsoDate, optionalText, requiredText } from '@/lib/validation/common';
import { acceptsKindSchema, coverLabelSchema, issueNumberSchema, sectionTitleSchema } from '@/lib/validation/issue';
import { itemKindSchema, richTextBodySchema, tagInputSchema, ITEM_LIMITS } from '@/lib/validation/item';
import { meetingSchema } from '@/lib/validation/meeting';
import { publicationSchema } from '@/lib/validation/publication';

/**
 * The reviewed proposal the screen sends back to "Create issue": every field as the editor left it.
 * Items are checked one by one (lib/import/commit-import.ts) so that an item left out is not checked and
 * every error keeps its full path ("sections.1.items.2.meeting.city"). Browser-safe.
 */

export const IMPORT_MODES = ['production', 'published'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const STANDING_FIELDS = [
  'title',
  'subtitle',
  'publisher',
  'postalAddress',
  'contactEmail',
  'contactPhone',
  'webAddress',
  'disclaimer',
  'reproductionNotice',
] as const;
export type StandingField = (typeof STANDING_FIELDS)[number];

export const MAX_IMPORT_SECTIONS = 40;
export const MAX_IMPORT_ITEMS = 400;

export const reviewedItemSchema = z.object({
  kind: itemKindSchema,
  title: requiredText(ITEM_LIMITS.title, 'a title'),
  standfirst: optionalText(ITEM_LIMITS.standfirst),
  body: richTextBodySchema,
  tags: z.array(tagInputSchema).max(ITEM_LIMITS.tags, `Use at most ${ITEM_LIMITS.tags} tags.`).default([]),
  /** An existing meeting or publication chosen instead of creating one from the fields. */
  meetingId: optionalId,
  meeting: meetingSchema.nullish(),
  publicationId: optionalId,
  publication: publicationSchema.nullish(),
});
export type ReviewedItem = z.output<typeof reviewedItemSchema>;

export const importReviewSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'The proposal is incomplete: read the bulletin again.'),
  fileName: z.string().trim().max(255).nullish(),
  mode: z.enum(IMPORT_MODES, { error: 'Choose in production or published.' }),
  /** For a past issue: the day it was published (defaults to the cover date). */
  publishedOn: optionalIsoDate,
  confirmDuplicate: z.boolean().default(false),
  issue: z.object({ number: issueNumberSchema, coverLabel: coverLabelSchema, coverDate: optionalIsoDate }),
  sections: z
    .array(
      z.object({
        title: sectionTitleSchema,
        acceptsKind: acceptsKindSchema,
        items: z.array(z.object({ include: z.boolean().default(true) }).passthrough()).max(MAX_IMPORT_ITEMS),
      }),
    )
    .min(1, 'The proposal has no sections.')
    .max(MAX_IMPORT_SECTIONS, `Keep it to ${MAX_IMPORT_SECTIONS} sections.`),
  standing: z.record(z.string(), z.string().max(6000)).default({}),
  applyStanding: z.array(z.enum(STANDING_FIELDS)).default([]),
});
export type ImportReviewInput = z.input<typeof importReviewSchema>;
