import { z } from 'zod';
import { sectionTemplateSchema } from '@/lib/settings/section-template';
import { canonicalTimeZone } from '@/lib/format/dates';
import { cleanString, type TextMode } from './common';

/** Publication settings (the masthead, the footer, the section template): the admin form and the server. Browser-safe. */

const required = (max: number, what: string) =>
  cleanString('single-line', `Enter ${what}.`)
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep this under ${max + 1} characters.`);

const optional = (max: number, mode: TextMode = 'single-line') =>
  cleanString(mode, 'Enter text.')
    .trim()
    .max(max, `Keep this under ${max + 1} characters.`)
    .nullish()
    .transform((v) => v ?? '');

const emailShape = z.email();

/** True for absolute http(s) addresses with a host. */
function isWebUrl(value: string): boolean {
  if (value.length > 2048 || /[\u0000-\u0020\u007f-\u009f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An ISSN with a correct check digit: "1020-8852". */
export function isValidIssn(value: string): boolean {
  const m = /^(\d{4})-?(\d{3})([\dX])$/i.exec(value);
  if (!m) return false;
  const digits = (m[1]! + m[2]!).split('').map(Number);
  const sum = digits.reduce((acc, d, i) => acc + d * (8 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return m[3]!.toUpperCase() === (check === 10 ? 'X' : String(check));
}

export const settingsSchema = z.object({
  title: required(200, 'the title of the bulletin'),
  subtitle: optional(300),
  publisher: optional(300),
  postalAddress: optional(1000, 'multi-line'),
  contactEmail: optional(254)
    .transform((v) => v.toLowerCase())
    .refine((v) => v === '' || emailShape.safeParse(v).success, 'Enter an e-mail address such as editor@example.org.'),
  contactPhone: optional(60).refine(
    (v) => v === '' || /^[+()\d][\d\s().\-/]*$/.test(v),
    'Enter a phone number: digits, spaces and + ( ) - . / only.',
  ),
  webAddress: optional(2048).refine(
    (v) => v === '' || isWebUrl(v),
    'Enter a full web address starting with http:// or https://.',
  ),
  issn: optional(9)
    .transform((v) => v.toUpperCase())
    .refine((v) => v === '' || isValidIssn(v), 'Enter an ISSN such as 1020-8852 (the last character is a check digit).')
    .transform((v) => (v && !v.includes('-') ? `${v.slice(0, 4)}-${v.slice(4)}` : v)),
  disclaimer: optional(5000, 'multi-line'),
  reproductionNotice: optional(5000, 'multi-line'),
  sectionTemplate: sectionTemplateSchema,
  /** Days after which declined and spam contributions are deleted (lib/contributions/delete-expired-contributions.ts). */
  contributionRetentionDays: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? 90 : Number(String(v).trim())))
    .refine(
      (v) => Number.isInteger(v) && v >= 1 && v <= 3650,
      'Enter a whole number of days from 1 to 3650 (default 90).',
    ),
  /** Scheduled publishing is typed and shown in this zone (an IANA name; checked with Intl). */
  timeZone: z
    .string()
    .nullish()
    .transform((v) => (v ?? '').trim() || 'UTC')
    .refine(
      (v) => canonicalTimeZone(v) !== null,
      'Enter a time zone by its IANA name, such as Europe/Vienna or America/New_York, or UTC.',
    )
    .transform((v) => canonicalTimeZone(v) ?? 'UTC'),
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type SettingsValues = z.output<typeof settingsSchema>;

export const SETTINGS_FIELDS = [
  'title',
  'subtitle',
  'publisher',
  'postalAddress',
  'contactEmail',
  'contactPhone',
  'webAddress',
  'issn',
  'disclaimer',
  'reproductionNotice',
  'sectionTemplate',
  'contributionRetentionDays',
  'timeZone',
] as const satisfies readonly (keyof SettingsValues)[];
