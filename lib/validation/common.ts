import { z } from 'zod';
import { DatePrecision } from '@/generated/prisma/enums';
import { isoDate } from '@/lib/format/dates';

/**
 * Building blocks of the entity schemas. Browser-safe: forms and server validate with the same code.
 * Optional text comes out as "" (the columns default to ""), optional links and dates as null.
 */

/**
 * Text PostgreSQL can store and a terminal or a later edit cannot misread. PostgreSQL refuses U+0000
 * in text and jsonb, and an unpaired UTF-16 surrogate cannot be encoded as UTF-8 (the driver throws,
 * or the transport turns it into U+FFFD): both are refused with a field error rather than a 500.
 * Other C0 controls, DEL and the C1 controls (ESC and CSI start terminal escape sequences) are
 * refused too; multi-line text keeps tab, line feed and carriage return. Single-line text refuses
 * every line break, Unicode's line and paragraph separators included: the browser would join them
 * silently on the next edit.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

export const TEXT_MESSAGES = {
  surrogate: 'This text contains a broken character (an unpaired surrogate): retype or paste it again.',
  control: 'This text contains an invisible control character: remove it.',
  lineBreak: 'Keep this on one line.',
} as const;

export type TextMode = 'single-line' | 'multi-line';

/** Why a text cannot be stored, or null when it can. */
export function textProblem(value: string, mode: TextMode = 'single-line'): string | null {
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.surrogate;
  if (mode === 'single-line' && LINE_BREAK.test(value)) return TEXT_MESSAGES.lineBreak;
  if ((mode === 'single-line' ? SINGLE_LINE_CONTROL : MULTI_LINE_CONTROL).test(value)) return TEXT_MESSAGES.control;
  return null;
}

/** A zod string that refuses what textProblem refuses. Every stored text goes through it. */
export const cleanString = (mode: TextMode = 'single-line', error?: string) =>
  z.string(error === undefined ? undefined : { error }).superRefine((value, ctx) => {
    const problem = textProblem(value, mode);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, abort: true });
  });

export type TextOptions = { multiline?: boolean };
const modeOf = (options?: TextOptions): TextMode => (options?.multiline ? 'multi-line' : 'single-line');

export const requiredText = (max: number, what: string, options?: TextOptions) =>
  cleanString(modeOf(options), `Enter ${what}.`)
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep this under ${max + 1} characters.`);

export const optionalText = (max: number, options?: TextOptions) =>
  cleanString(modeOf(options))
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
