import { meetingKind } from '@/lib/records/meeting';
import { recordListPage } from '@/components/admin/records/record-list-page';

const page = recordListPage(meetingKind);
export const metadata = page.metadata;
export default page.Page;
