'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { createMeeting, updateMeeting } from '@/lib/content/meetings';
import { meetingSchema } from '@/lib/validation/meeting';

// Thin: the form's one schema (the browser checks with it too), then lib/content/meetings, which
// applies the policy (create: anyone signed in; update: editors).
const meetingId = z.object({ meetingId: z.string({ error: 'Reload the page and try again.' }).trim().min(1).max(64) });

export const createMeetingAction = action(
  meetingSchema,
  async (fields, { actor }) => {
    const meeting = await createMeeting(actor, fields);
    return { meetingId: meeting.id };
  },
  { redirectTo: ({ meetingId }) => `/admin/meetings/${meetingId}?saved=new` },
);

export const updateMeetingAction = action(meetingId.and(meetingSchema), async ({ meetingId, ...fields }, { actor }) => {
  const meeting = await updateMeeting(actor, meetingId, fields);
  return { message: 'Meeting saved.', updatedAt: meeting.updatedAt.toISOString() };
});
