'use server';

import { recordActions } from '@/lib/actions/record-actions';
import { meetingKind } from '@/lib/records/meeting';
import { publicationKind } from '@/lib/records/publication';

/**
 * The item form's meeting and publication pickers: search existing records, or create one without
 * leaving the page (anyone signed in may; lib/content/records checks). Answers are small DTOs.
 */
const meetings = recordActions(meetingKind);
const publications = recordActions(publicationKind);
export const searchMeetingsAction = meetings.search;
export const createMeetingAction = meetings.createForPicker;
export const searchPublicationsAction = publications.search;
export const createPublicationAction = publications.createForPicker;
