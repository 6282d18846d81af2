import { meetingKind } from '@/lib/records/meeting';
import { newRecordPage } from '@/components/admin/records/new-record-page';
import { createMeetingAction } from '../actions';

const page = newRecordPage(meetingKind, createMeetingAction);
export const metadata = page.metadata;
export default page.Page;
