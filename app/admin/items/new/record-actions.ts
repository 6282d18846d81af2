'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { createMeeting, listMeetings, type MeetingView } from '@/lib/content/meetings';
import { createPublication, listPublications, type PublicationView } from '@/lib/content/publications';
import { meetingSchema } from '@/lib/validation/meeting';
import { publicationSchema } from '@/lib/validation/publication';
import { meetingOption, publicationOption } from '@/lib/format/record-options';

/**
 * The item form's meeting and publication pickers: search existing records, or create one without
 * leaving the page (anyone signed in may; lib/content checks). Answers are small DTOs for the picker.
 */

const PICKER_PAGE = 8;
const query = z.object({ q: z.string().max(200).default('') });

export const searchMeetingsAction = action(
  query,
  async ({ q }, { actor }) => {
    const { meetings, total } = await listMeetings(actor, { q, pageSize: PICKER_PAGE });
    return { options: meetings.map((m: MeetingView) => meetingOption(m)), total };
  },
  { refresh: false },
);

export const createMeetingAction = action(
  z.object({ fields: meetingSchema }),
  async ({ fields }, { actor }) => ({ option: meetingOption(await createMeeting(actor, fields)) }),
  { refresh: false, fieldsAt: 'fields' },
);

export const searchPublicationsAction = action(
  query,
  async ({ q }, { actor }) => {
    const { publications, total } = await listPublications(actor, { q, pageSize: PICKER_PAGE });
    return { options: publications.map((p: PublicationView) => publicationOption(p)), total };
  },
  { refresh: false },
);

export const createPublicationAction = action(
  z.object({ fields: publicationSchema }),
  async ({ fields }, { actor }) => ({ option: publicationOption(await createPublication(actor, fields)) }),
  { refresh: false, fieldsAt: 'fields' },
);
