import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getPublication, type PublicationView } from '@/lib/content/publications';
import { listItemsForRecord } from '@/lib/content/items/list-items-for-record';
import { NotFoundError } from '@/lib/errors';
import { param, type SearchParams } from '@/components/admin/lists/search-params';
import { LinkedItems } from '@/components/admin/records/linked-items';
import { PublicationForm, type PublicationFormValues } from '@/components/admin/records/publication-form';
import { PublicationDetails } from '@/components/admin/records/record-details';
import '@/components/admin/lists/desk-lists.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: 'Publication' };

async function load(actor: Parameters<typeof getPublication>[0], id: string): Promise<PublicationView> {
  try {
    return await getPublication(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

const formValues = (p: PublicationView): PublicationFormValues => ({
  title: p.title,
  authors: p.authors,
  issuingBody: p.issuingBody,
  date: p.date ?? '',
  datePrecision: p.datePrecision,
  kind: p.kind,
  availability: p.availability,
  url: p.url ?? '',
  isbn: p.isbn ?? '',
});

/** One publication: editors change it here; everyone else reads it. Either way, the items reviewing it. */
export default async function PublicationPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const publication = await load(actor, id);
  const reviews = await listItemsForRecord(actor, { publicationId: publication.id });
  const editorial = can(actor, 'publication.edit');
  const seesAll = can(actor, 'item.listAll');
  const added = param(await searchParams, 'saved') === 'new';

  return (
    <>
      <p className="breadcrumb-back">
        <Link href="/admin/publications">← Publications</Link>
      </p>
      <h1>{publication.title}</h1>
      {added && (
        <p className="form-message form-message--ok" role="status">
          Publication added.
          {editorial ? '' : ' From now on only editors can change it: ask one if something needs correcting.'}
        </p>
      )}
      <section className="panel" aria-labelledby="record-heading">
        <h2 id="record-heading">{editorial ? 'Edit the publication' : 'The publication'}</h2>
        {editorial ? (
          <PublicationForm
            mode="edit"
            publicationId={publication.id}
            version={publication.updatedAt.toISOString()}
            initial={formValues(publication)}
          />
        ) : (
          <>
            <p className="muted">Only editors can change publication records. If something is wrong, tell an editor.</p>
            <PublicationDetails publication={publication} />
          </>
        )}
      </section>
      <LinkedItems
        id="reviews"
        title={seesAll ? 'Items reviewing this publication' : 'Your items reviewing this publication'}
        items={reviews}
        empty={seesAll ? 'No item reviews this publication yet.' : 'None of your items reviews this publication.'}
        showAuthor={seesAll}
      />
    </>
  );
}
