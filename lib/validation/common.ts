import { z } from 'zod';
import { DatePrecision } from '@/generated/prisma/enums';
import { isoDate } from '@/lib/format/dates';

/**
 * Building blocks of the entity schemas. Browser-safe: forms and server validate with the same code.
 * Optional text comes out as "" (the columns default to ""), optional links and dates as null.
 */

export const requiredText = (max: number, what: string) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep this under ${max + 1} characters.`);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max + 1} characters.`)
    .nullish()
    .transform((v) => v ?? '');

/** True for absolute http(s) URLs with a host. */
export function isWebUrl(value: string): boolean {
  if (value.length > 2048 || /[\u0000-\u0020\u007f-\u009f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An optional web link: empty → null; otherwise http:// or https:// only. */
export const optionalWebUrl = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isWebUrl(v), 'Enter a full web address starting with http:// or https://.');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An optional date as YYYY-MM-DD (what <input type="date"> sends): empty → null. */
export const optionalIsoDate = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isIsoDate(v), 'Enter a date as YYYY-MM-DD.');

export const datePrecisionSchema = z.enum(DatePrecision, { error: 'Choose how precise the date is.' }).default('DAY');

/** A record id from a picker: empty → null. */
export const optionalId = z
  .string()
  .trim()
  .max(64, 'Not a valid choice.')
  .nullish()
  .transform((v) => (v ? v : null));

/** YYYY-MM-DD → a Date at UTC midnight (for @db.Date columns), and back. */
export function dateFromIso(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}
export function isoFromDate(value: Date | null | undefined): string | null {
  return value ? isoDate(value) : null;
}
