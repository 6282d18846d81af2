import { z } from 'zod';
import { datePrecisionSchema, optionalIsoDate, optionalText, optionalWebUrl, requiredText } from './common';

/** A meeting or conference, as the meeting form and the inline "new meeting" picker send it. */
export const meetingSchema = z
  .object({
    name: requiredText(300, 'the name of the meeting'),
    startDate: optionalIsoDate,
    endDate: optionalIsoDate,
    datePrecision: datePrecisionSchema,
    city: optionalText(120),
    country: optionalText(120),
    organisers: optionalText(600, { multiline: true }),
    participants: optionalText(1000, { multiline: true }),
    url: optionalWebUrl,
  })
  .refine((m) => !m.startDate || !m.endDate || m.endDate >= m.startDate, {
    path: ['endDate'],
    message: 'The meeting cannot end before it starts.',
    // Run even when other fields are wrong, so every error shows at once.
    when: (payload) => datesParsed(payload.value),
  })
  .refine((m) => !m.endDate || !!m.startDate, {
    path: ['startDate'],
    message: 'Enter the start date too.',
    when: (payload) => datesParsed(payload.value),
  });

function datesParsed(value: unknown): boolean {
  const v = value as { startDate?: unknown; endDate?: unknown } | undefined;
  const ok = (d: unknown) =>
    d === null || d === undefined || d === '' || (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.trim()));
  return !!v && ok(v.startDate) && ok(v.endDate);
}

export type MeetingInput = z.input<typeof meetingSchema>;
export type MeetingFields = z.output<typeof meetingSchema>;
