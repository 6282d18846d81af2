import type { Metadata } from 'next';
import Link from 'next/link';
import type { Availability, DatePrecision, PublicationKind } from '@/generated/prisma/enums';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/or-not-found';
import { getItemForEdit, type ItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { withTagSlugs } from '@/lib/content/tags/list-tags';
import { dateFromIso } from '@/lib/validation/common';
import { itemStateLabel } from '@/lib/workflow/states';
import { ItemView, type ItemViewData } from '@/components/public/item-view';
import '@/components/admin/items/item-desk.css';

export const metadata: Metadata = { title: 'Item preview' };

type Props = { params: Promise<{ id: string }> };

/** The saved fields in the shape of the public item page (dates and enums as the database gives them). */
function itemView(item: ItemForEdit): ItemViewData {
  const { fields: f, meeting: m, publication: p } = item;
  return {
    kind: item.kind,
    title: f.title,
    standfirst: f.standfirst,
    body: f.body,
    correctedAt: item.correctedAt,
    meeting: m
      ? {
          id: m.id,
          name: m.name,
          startDate: dateFromIso(m.startDate),
          endDate: dateFromIso(m.endDate),
          datePrecision: m.datePrecision as DatePrecision,
          city: m.city,
          country: m.country,
          organisers: m.organisers,
          participants: m.participants,
        }
      : null,
    publication: p
      ? {
          id: p.id,
          title: p.title,
          authors: p.authors,
          issuingBody: p.issuingBody,
          date: dateFromIso(p.date),
          datePrecision: p.datePrecision as DatePrecision,
          kind: p.kind as PublicationKind,
          availability: p.availability as Availability,
          url: p.url,
          isbn: p.isbn,
        }
      : null,
    sources: f.sources.map((s) => ({ name: s.name, url: s.url, date: dateFromIso(s.date) })),
    tags: f.tags,
  };
}

/**
 * The saved item as readers will see it, for whoever may read it on the desk: the public item page's
 * own view (components/public/item-view.tsx), so nothing readers see is missing here. The body goes
 * through the one server-side renderer (lib/rich-text/render.ts): no editor code, only allowed nodes and marks.
 */
export default async function ItemPreviewPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const item = await orNotFound(getItemForEdit(actor, id));
  return (
    <>
      <div className="notice notice--info preview-banner">
        <p>
          Preview of the saved text ({itemStateLabel[item.state].toLowerCase()}). Readers see it only once it is
          published in a bulletin issue. <Link href={`/admin/items/${id}`}>Back to the item</Link>
        </p>
      </div>
      <ItemView
        item={{ ...itemView(item), tags: await withTagSlugs(actor, item.fields.tags) }}
        className="preview-frame"
        testId="item-preview"
      />
    </>
  );
}
