import { publicationKind } from '@/lib/records/publication';
import { newRecordPage } from '@/components/admin/records/new-record-page';
import { createPublicationAction } from '../actions';

const page = newRecordPage(publicationKind, createPublicationAction);
export const metadata = page.metadata;
export default page.Page;
