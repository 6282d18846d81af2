import { z } from 'zod';
import { cleanString } from './common';
import { INT4_MAX } from './request';
import { acceptsKindSchema } from './issue';

/**
 * What the issue desk's server actions accept (app/admin/issues/actions.ts). Only the transport
 * shape: the lib/issues functions validate the content themselves (every field error at once) and
 * apply the policy. Browser-safe.
 */

const id = cleanString('single-line', 'Missing identifier.')
  .trim()
  .min(1, 'Missing identifier.')
  .max(64, 'Unknown identifier.');
const text = cleanString().optional();
const direction = z.enum(['up', 'down'], { error: 'Move up or down.' });
const version = z.coerce
  .number({ error: 'Reload the page and try again.' })
  .int()
  .min(0)
  .max(INT4_MAX, 'Reload the page and try again.');

export const issueFieldsSchema = z.object({ number: text, coverLabel: text, coverDate: text });
export const updateIssueActionSchema = issueFieldsSchema.extend({ issueId: id, version });

export const issueIdSchema = z.object({ issueId: id });
export const sectionIdSchema = z.object({ sectionId: id });
export const itemIdSchema = z.object({ itemId: id });
export const linkIdSchema = z.object({ linkId: id });

export const addSectionActionSchema = z.object({ issueId: id, title: text, acceptsKind: acceptsKindSchema });
export const renameSectionActionSchema = z.object({ sectionId: id, title: cleanString().optional().default('') });
export const setSectionKindActionSchema = z.object({ sectionId: id, acceptsKind: acceptsKindSchema });
export const moveSectionActionSchema = z.object({ sectionId: id, direction });
export const moveItemActionSchema = z.object({ itemId: id, direction });
export const reorderItemsActionSchema = z.object({
  sectionId: id,
  ids: z.array(id, { error: 'Give the items in their new order.' }).max(1000),
});
export const placeItemActionSchema = z.object({ itemId: id, sectionId: id });
/** A drag into another section: place it there, then put the section in this order (which includes it). */
export const moveToSectionActionSchema = z.object({ itemId: id, sectionId: id, ids: z.array(id).max(1000).optional() });

const note = cleanString('multi-line').max(5000, 'Keep the note under 5001 characters.').optional();
export const publishActionSchema = z.object({ issueId: id, version, note });

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A moment typed into <input type="datetime-local"> ("2002-07-01T09:00"), read as UTC: the desk
 * labels the field "UTC", so the server's time zone and the browser's never change its meaning.
 * Null when it is not a real date and time.
 */
export function parseUtcDateTime(value: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return same && year >= 1000 ? date : null;
}

export const scheduleActionSchema = z.object({
  issueId: id,
  at: z.string({ error: 'Enter a date and time.' }).transform((value, ctx) => {
    if (value.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'Enter a date and time.' });
      return z.NEVER;
    }
    const date = parseUtcDateTime(value);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: 'Enter a real date and time (UTC).' });
      return z.NEVER;
    }
    return date;
  }),
});

export const createPreviewLinkActionSchema = z.object({
  issueId: id,
  days: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number({ error: 'Enter a number of days.' }).int('Enter a whole number of days.').optional(),
  ),
});
