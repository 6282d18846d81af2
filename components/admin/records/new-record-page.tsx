import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { capitalised, recordPath, type RecordKind, type RecordSchema } from '@/lib/records/record-kind';
import { RecordForm, type FormAction } from './record-form';
import '@/components/admin/lists/desk-lists.css';

/**
 * The "Add a …" page (app/admin/<kind>/new/page.tsx). The page is open to anyone signed in; the
 * create action asks the policy (for meetings and publications: anyone signed in, a contributor for
 * the report they are about to write).
 */
export function newRecordPage<S extends RecordSchema>(kind: RecordKind<S>, create: FormAction) {
  const path = recordPath(kind);
  const title = `Add ${kind.noun.a}`;
  const metadata: Metadata = { title };
  async function NewRecordPage() {
    await requireActor();
    return (
      <>
        <p className="breadcrumb-back">
          <Link href={path}>← {capitalised(kind.noun.many)}</Link>
        </p>
        <h1>{title}</h1>
        <p className="bo-lede">{kind.lede.new}</p>
        <section className="panel">
          <RecordForm kind={kind.key} action={create} mode="create" />
        </section>
      </>
    );
  }
  return { metadata, Page: NewRecordPage };
}
