import type { Metadata } from 'next';
import Link from 'next/link';
import type { ItemKind } from '@/generated/prisma/enums';
import { requireActor } from '@/lib/auth/current-actor';
import { listTags } from '@/lib/content/tags/list-tags';
import { itemKindLabel } from '@/lib/format/labels';
import { ItemEditor } from '@/components/admin/items/item-editor';

export const metadata: Metadata = { title: 'New item' };

const KINDS: Record<string, ItemKind> = {
  article: 'ARTICLE',
  meeting_report: 'MEETING_REPORT',
  publication_review: 'PUBLICATION_REVIEW',
};
const KIND_HINT: Record<ItemKind, string> = {
  ARTICLE: 'News, analysis or the lead feature.',
  MEETING_REPORT: 'A report on a meeting or conference.',
  PUBLICATION_REVIEW: 'A review of a report, manual or assessment.',
};

type Props = { searchParams: Promise<{ kind?: string | string[] }> };

/** A new item of the kind asked for (?kind=article|meeting_report|publication_review); without one, a choice. */
export default async function NewItemPage({ searchParams }: Props) {
  const actor = await requireActor();
  const raw = (await searchParams).kind;
  const kind = typeof raw === 'string' ? KINDS[raw.toLowerCase().replace(/-/g, '_')] : undefined;
  if (!kind) {
    return (
      <>
        <h1>New item</h1>
        <p className="bo-lede">What are you writing?</p>
        <ul className="cards">
          {Object.entries(KINDS).map(([slug, k]) => (
            <li key={slug}>
              <Link href={`/admin/items/new?kind=${slug}`}>
                <strong>{itemKindLabel[k]}</strong>
                {KIND_HINT[k]}
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const tagOptions = await listTags(actor);
  return <ItemEditor key={kind} kind={kind} item={null} tagOptions={tagOptions} />;
}
