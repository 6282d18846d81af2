import { publicationKind } from '@/lib/records/publication';
import { recordListPage } from '@/components/admin/records/record-list-page';

const page = recordListPage(publicationKind);
export const metadata = page.metadata;
export default page.Page;
