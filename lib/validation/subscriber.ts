import { z } from 'zod';
import { optionalText } from './common';

/** The subscribe form and the admin's subscriber tools: shared by the forms and the server. Browser-safe. */

export { CONSENT_TEXT } from './subscriber-consent';

export const subscriberEmailField = z
  .string({ error: 'Enter your e-mail address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your e-mail address.')
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter an e-mail address like name@example.org.'));

export const subscribeSchema = z.object({
  email: subscriberEmailField,
  name: optionalText(120),
  organisation: optionalText(200),
  consent: z.literal('on', { error: 'Tick the box to agree to receive the bulletin by e-mail.' }),
});
export type SubscribeInput = z.output<typeof subscribeSchema>;

export const confirmTokenSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.'),
});
export const unsubscribeTokenSchema = z.object({
  token: z.string().regex(/^[a-z0-9]{10,40}\.[A-Za-z0-9_-]{43}$/, 'This link is not valid.'),
});

export const SUBSCRIBER_STATUSES = ['PENDING', 'CONFIRMED', 'UNSUBSCRIBED', 'BOUNCED'] as const;

export const importSubscribersSchema = z
  .object({
    csv: z
      .string({ error: 'Paste the CSV, or choose a file.' })
      .trim()
      .min(1, 'Paste the CSV, or choose a file.')
      .max(2_000_000, 'Import at most 2 MB at a time.'),
    consentElsewhere: z
      .literal('on')
      .optional()
      .transform((v) => v === 'on'),
    consentNote: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.consentElsewhere && !v.consentNote)
      ctx.addIssue({
        code: 'custom',
        path: ['consentNote'],
        message: 'Say how and when these people agreed to receive the bulletin: it is kept with each address.',
      });
  });

export const subscriberIdSchema = z.object({ subscriberId: z.string().min(1).max(64) });

export const mailingSettingsSchema = z.object({
  sendRatePerMinute: z.coerce
    .number({ error: 'Enter a number of messages per minute.' })
    .int('Use a whole number.')
    .min(1, 'At least 1 per minute.')
    .max(100_000, 'At most 100,000 per minute.'),
  maxAttempts: z.coerce
    .number({ error: 'Enter a number of attempts.' })
    .int('Use a whole number.')
    .min(1, 'At least 1 attempt.')
    .max(50, 'At most 50 attempts.'),
});

export const editionSendingSchema = z.object({
  issueId: z.string().min(1).max(64),
  send: z.enum(['on', 'off'], { error: 'Choose whether to send the e-mail edition.' }),
});
export const editionIssueSchema = z.object({ issueId: z.string().min(1).max(64) });
