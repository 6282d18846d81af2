import type { Metadata } from 'next';
import Link from 'next/link';
import { listPublicPublications } from '@/lib/content/published';
import { PublicationFacts } from '@/components/public/item-facts';

export const metadata: Metadata = {
  title: 'Publications',
  description: 'Reports, manuals and assessments reviewed in the bulletin.',
};

export default async function PublicationsPage() {
  const publications = await listPublicPublications();
  return (
    <div className="records">
      <h1>Publications</h1>
      {publications.length === 0 && <p>No publications have been reviewed yet.</p>}
      <ul className="record-list">
        {publications.map((p) => (
          <li key={p.id} className="record">
            <h2 className="record__title">{p.title}</h2>
            <PublicationFacts publication={p} />
            <ul className="record__reports">
              {p.items.map((r) => (
                <li key={r.slug}>
                  <Link href={`/issues/${r.section!.issue.number}/${r.slug}`}>Review: {r.title}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
