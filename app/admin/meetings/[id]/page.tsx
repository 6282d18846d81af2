import { meetingKind } from '@/lib/records/meeting';
import { recordPage } from '@/components/admin/records/record-page';
import { updateMeetingAction } from '../actions';

const page = recordPage(meetingKind, updateMeetingAction);
export const metadata = page.metadata;
export default page.Page;
