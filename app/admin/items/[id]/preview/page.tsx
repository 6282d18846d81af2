import type { Metadata } from 'next';
import Link from 'next/link';
import type { Availability, DatePrecision, PublicationKind } from '@/generated/prisma/enums';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/or-not-found';
import { getItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { dateFromIso } from '@/lib/validation/common';
import { formatDate, isoDate } from '@/lib/format/dates';
import { itemKindLabel, tagKindLabel } from '@/lib/format/labels';
import { itemStateLabel } from '@/lib/workflow/states';
import { MeetingFacts, PublicationFacts } from '@/components/public/item-facts';
import { RichText } from '@/components/public/rich-text';
import '@/components/admin/items/item-desk.css';

export const metadata: Metadata = { title: 'Item preview' };

type Props = { params: Promise<{ id: string }> };

/**
 * The saved item as readers will see it, for whoever may read it on the desk. The body goes through
 * the one server-side renderer (lib/rich-text/render.ts): no editor code, only allowed nodes and marks.
 */
export default async function ItemPreviewPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const item = await orNotFound(getItemForEdit(actor, id));
  const f = item.fields;
  const m = item.meeting;
  const p = item.publication;
  return (
    <>
      <div className="notice notice--info preview-banner">
        <p>
          Preview of the saved text ({itemStateLabel[item.state].toLowerCase()}). Readers see it only once it is
          published in a bulletin issue. <Link href={`/admin/items/${id}`}>Back to the item</Link>
        </p>
      </div>
      <article className="item-page preview-frame" aria-labelledby="item-title" data-testid="item-preview">
        <header>
          <p className="kicker">{itemKindLabel[item.kind]}</p>
          <h1 id="item-title">{f.title}</h1>
          {m && (
            <>
              <p className="facts">
                <strong>{m.name}</strong>
              </p>
              <MeetingFacts
                meeting={{
                  id: m.id,
                  name: m.name,
                  startDate: dateFromIso(m.startDate),
                  endDate: dateFromIso(m.endDate),
                  datePrecision: m.datePrecision as DatePrecision,
                  city: m.city,
                  country: m.country,
                }}
              />
            </>
          )}
          {p && (
            <>
              <p className="facts">
                <strong>{p.title}</strong>
              </p>
              <PublicationFacts
                publication={{
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
                }}
              />
            </>
          )}
          {f.standfirst && <p className="standfirst">{f.standfirst}</p>}
          {item.correctedAt && (
            <p className="updated">
              Updated <time dateTime={isoDate(item.correctedAt)}>{formatDate(item.correctedAt)}</time>
            </p>
          )}
        </header>
        <RichText doc={f.body} />
        {f.sources.length > 0 && (
          <section className="item-aside" aria-labelledby="sources-heading">
            <h2 id="sources-heading">Sources</h2>
            <ul className="sources">
              {f.sources.map((s, i) => (
                <li key={i}>
                  {s.url ? <a href={s.url}>{s.name}</a> : s.name}
                  {s.date && <>, {formatDate(dateFromIso(s.date)!)}</>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {f.tags.length > 0 && (
          <section className="item-aside" aria-labelledby="tags-heading">
            <h2 id="tags-heading">Topics</h2>
            <ul className="tags">
              {f.tags.map((t) => (
                <li key={`${t.kind}:${t.name}`} className={`tag tag--${t.kind.toLowerCase()}`}>
                  <span className="visually-hidden">{tagKindLabel[t.kind]}: </span>
                  {t.name}
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </>
  );
}
