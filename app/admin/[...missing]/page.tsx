import { notFound } from 'next/navigation';

/** Any back-office address that names no page: the back office's own 404 (app/admin/not-found.tsx), in its frame. */
export default function MissingAdminPage(): never {
  notFound();
}
