import { z } from 'zod';

/** Sign-in and session settings (admins, /admin/settings). Shared by the form and the server. */
export const IDLE_MINUTES_MIN = 5;
export const IDLE_MINUTES_MAX = 7 * 24 * 60;

const wholeMinutes = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,6}$/.test(v), 'Enter a whole number of minutes, such as 120.')
  .transform(Number)
  .refine(
    (v) => v >= IDLE_MINUTES_MIN && v <= IDLE_MINUTES_MAX,
    `Enter a number of minutes from ${IDLE_MINUTES_MIN} to ${IDLE_MINUTES_MAX} (7 days).`,
  );

export const securitySettingsSchema = z.object({
  sessionIdleMinutes: wholeMinutes,
  /** A checkbox: "on" when ticked, absent otherwise; true/false from code. */
  requireTwoFactor: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});

export type SecuritySettingsValues = z.output<typeof securitySettingsSchema>;
