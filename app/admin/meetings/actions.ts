'use server';

import { recordActions } from '@/lib/actions/record-actions';
import { meetingKind } from '@/lib/records/meeting';

// The record pattern's actions (lib/actions/record-actions.ts), for meetings' own pages.
const meetings = recordActions(meetingKind);
export const createMeetingAction = meetings.create;
export const updateMeetingAction = meetings.update;
