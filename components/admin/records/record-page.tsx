import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { listItemsForRecord, type ListItemsForRecordOptions } from '@/lib/content/items/list-items-for-record';
import { getRecord } from '@/lib/content/records/get-record';
import { orNotFound } from '@/lib/or-not-found';
import {
  capitalised,
  formValues,
  recordPath,
  recordPolicy,
  type ItemLinkField,
  type RecordKind,
  type RecordSchema,
} from '@/lib/records/record-kind';
import { param, type SearchParams } from '@/components/admin/lists/search-params';
import { LinkedItems } from './linked-items';
import { RecordDetails } from './record-details';
import { RecordForm, type FormAction } from './record-form';
import '@/components/admin/lists/desk-lists.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const itemLinks: { [F in ItemLinkField]: (id: string) => ListItemsForRecordOptions } = {
  meetingId: (id) => ({ meetingId: id }),
  publicationId: (id) => ({ publicationId: id }),
};

/**
 * A record's own page (app/admin/<kind>/[id]/page.tsx): those who may edit the kind change it here,
 * everyone else reads it; either way, the items that link to it, as far as they may see them.
 */
export function recordPage<S extends RecordSchema>(kind: RecordKind<S>, update: FormAction) {
  const metadata: Metadata = { title: capitalised(kind.noun.one) };
  const path = recordPath(kind);
  async function RecordPage({ params, searchParams }: Props) {
    const actor = await requireActor();
    const { id } = await params;
    const record = await orNotFound(getRecord(kind, actor, id));
    const linked = kind.linked;
    const items = linked ? await listItemsForRecord(actor, itemLinks[linked.itemField](record.id)) : [];
    const editorial = can(actor, recordPolicy(kind).edit);
    const seesAll = can(actor, 'item.listAll');
    const added = param(await searchParams, 'saved') === 'new';
    const { one, many } = kind.noun;

    return (
      <>
        <p className="breadcrumb-back">
          <Link href={path}>← {capitalised(many)}</Link>
        </p>
        <h1>{String(record[kind.titleField])}</h1>
        {added && (
          <p className="form-message form-message--ok" role="status">
            {capitalised(one)} added.
            {editorial ? '' : ' From now on only editors can change it: ask one if something needs correcting.'}
          </p>
        )}
        <section className="panel" aria-labelledby="record-heading">
          <h2 id="record-heading">{editorial ? `Edit the ${one}` : `The ${one}`}</h2>
          {editorial ? (
            <RecordForm
              kind={kind.key}
              action={update}
              mode="edit"
              id={record.id}
              version={record.version}
              initial={formValues(kind, record)}
            />
          ) : (
            <>
              <p className="muted">Only editors can change {one} records. If something is wrong, tell an editor.</p>
              <RecordDetails kind={kind} record={record} />
            </>
          )}
        </section>
        {linked && <LinkedItems linked={linked} items={items} seesAll={seesAll} />}
      </>
    );
  }
  return { metadata, Page: RecordPage };
}
