/**
 * The reader's contribution form (/contribute), shared by the form in the browser and the server
 * action. Browser-safe. Every field has a size limit; kind-specific fields are checked only for
 * their kind and dropped otherwise.
 */
import { z } from 'zod';
import { optionalIsoDate, optionalText, requiredText } from './common';
import { CONTRIBUTION_KINDS, LIMITS, type ContributionKindValue } from './contribution-fields';

export {
  CONTRIBUTION_KINDS,
  contributionFieldLabels,
  contributionKindLabels,
  contributionKindShort,
  LIMITS,
  type ContributionKindValue,
} from './contribution-fields';

/**
 * PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate would be stored as U+FFFD (not what
 * was sent): both are refused, so whatever is accepted is stored exactly.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const storable = (v: string | null) => v === null || !UNSTORABLE.test(v);
const UNSTORABLE_MESSAGE = 'Remove the invisible control characters from this field.';
const text = (max: number, what: string) => requiredText(max, what).refine(storable, UNSTORABLE_MESSAGE);
const optional = (max: number) => optionalText(max).refine(storable, UNSTORABLE_MESSAGE);

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal(''), z.boolean()], { error: 'Tick the box or leave it empty.' })
  .nullish()
  .transform((v) => v === 'on' || v === 'true' || v === true);

/** An optional link the reader sends: http(s) only, or empty. */
const optionalLink = z
  .string()
  .trim()
  .max(LIMITS.link, `Keep this under ${LIMITS.link + 1} characters.`)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => {
    if (v === null) return true;
    if (/[\u0000-\u0020\u007f-\u009f]/.test(v)) return false;
    try {
      const url = new URL(v);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'Enter a full web address starting with http:// or https://, or leave it empty.')
  .refine(storable, UNSTORABLE_MESSAGE);

export const contributionSchema = z
  .object({
    name: text(LIMITS.name, 'your name'),
    email: z
      .string({ error: 'Enter your e-mail address.' })
      .trim()
      .min(1, 'Enter your e-mail address.')
      .max(LIMITS.email, `Keep this under ${LIMITS.email + 1} characters.`)
      .pipe(z.email({ error: 'Enter an e-mail address such as name@example.org.' })),
    organisation: optional(LIMITS.organisation),
    kind: z.enum(CONTRIBUTION_KINDS, { error: 'Choose what you are sending.' }),
    subject: text(LIMITS.subject, 'a subject'),
    message: text(LIMITS.message, 'your message'),
    link: optionalLink,
    meetingStart: optionalIsoDate,
    meetingEnd: optionalIsoDate,
    meetingCity: optional(LIMITS.place),
    meetingCountry: optional(LIMITS.place),
    issuingBody: optional(LIMITS.issuingBody),
    availability: z
      .union([z.enum(['PUBLISHED', 'FORTHCOMING']), z.literal('')], { error: 'Choose published or forthcoming.' })
      .nullish()
      .transform((v) => (v ? v : 'PUBLISHED')),
    anonymous: checkbox,
    consent: checkbox.refine((v) => v, 'Tick the box to let the editors keep and read your message.'),
  })
  .refine((c) => c.kind !== 'MEETING' || !!c.meetingStart, {
    path: ['meetingStart'],
    message: 'Enter the date the meeting starts.',
    when: (p) => kindIs(p.value, 'MEETING'),
  })
  .refine((c) => c.kind !== 'MEETING' || !c.meetingStart || !c.meetingEnd || c.meetingEnd >= c.meetingStart, {
    path: ['meetingEnd'],
    message: 'The meeting cannot end before it starts.',
    when: (p) => kindIs(p.value, 'MEETING'),
  })
  .refine((c) => c.kind !== 'MEETING' || !!c.meetingCity || !!c.meetingCountry, {
    path: ['meetingCity'],
    message: 'Enter where the meeting takes place (a city or a country).',
    when: (p) => kindIs(p.value, 'MEETING'),
  })
  .refine((c) => c.kind !== 'PUBLICATION' || !!c.issuingBody, {
    path: ['issuingBody'],
    message: 'Enter who issues the publication.',
    when: (p) => kindIs(p.value, 'PUBLICATION'),
  });

function kindIs(value: unknown, kind: ContributionKindValue): boolean {
  return !!value && typeof value === 'object' && (value as { kind?: unknown }).kind === kind;
}

export type ContributionInput = z.input<typeof contributionSchema>;
export type ContributionFields = z.output<typeof contributionSchema>;

/** What is kept in Contribution.details, by kind. */
export const contributionDetailsSchema = z.object({
  meetingStart: z.string().nullable().optional(),
  meetingEnd: z.string().nullable().optional(),
  meetingCity: z.string().optional(),
  meetingCountry: z.string().optional(),
  issuingBody: z.string().optional(),
  availability: z.enum(['PUBLISHED', 'FORTHCOMING']).optional(),
});
export type ContributionDetails = z.infer<typeof contributionDetailsSchema>;

export function detailsOf(fields: ContributionFields): ContributionDetails {
  if (fields.kind === 'MEETING')
    return {
      meetingStart: fields.meetingStart,
      meetingEnd: fields.meetingEnd,
      meetingCity: fields.meetingCity,
      meetingCountry: fields.meetingCountry,
    };
  if (fields.kind === 'PUBLICATION') return { issuingBody: fields.issuingBody, availability: fields.availability };
  return {};
}
