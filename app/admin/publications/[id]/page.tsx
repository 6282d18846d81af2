import { publicationKind } from '@/lib/records/publication';
import { recordPage } from '@/components/admin/records/record-page';
import { updatePublicationAction } from '../actions';

const page = recordPage(publicationKind, updatePublicationAction);
export const metadata = page.metadata;
export default page.Page;
