import { z } from 'zod';

/** The first code from the authenticator app, confirming enrolment. */
export const confirmTwoFactorSchema = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code your app shows.' })
    .transform((v) => v.replace(/\s/g, ''))
    .refine((v) => /^\d{6}$/.test(v), 'Enter the 6 digits your app shows, such as 492 039.'),
});
