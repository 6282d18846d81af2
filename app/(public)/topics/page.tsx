import type { Metadata } from 'next';
import Link from 'next/link';
import { TagKind } from '@/generated/prisma/enums';
import { listPublicTopics } from '@/lib/content/topics';
import { tagKindLabel } from '@/lib/format/labels';
import { topicPath } from '@/lib/reader-paths';
import '@/components/public/search/search.css';

// Cached (docs/caching.md): rendered once, expired by lib/cache/invalidate.ts when what it shows
// changes; the 300 s revalidation is only a safety net.
export const revalidate = 300;

export const metadata: Metadata = {
  title: 'Topics',
  description: 'Every country, region and theme the bulletin has written about, with its items.',
};

const kindHeading: Record<TagKind, string> = { COUNTRY: 'Countries', REGION: 'Regions', THEME: 'Themes' };

/** /topics: the tags of published items, by kind, with how many published items carry each. */
export default async function TopicsPage() {
  const topics = await listPublicTopics();
  return (
    <div className="records topics">
      <h1>Topics</h1>
      {topics.length === 0 && <p>Nothing has been published yet.</p>}
      {Object.values(TagKind).map((kind) => {
        const list = topics.filter((t) => t.kind === kind);
        if (list.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`topics-${kind}`}>
            <h2 id={`topics-${kind}`}>{kindHeading[kind]}</h2>
            <ul className="topic-list">
              {list.map((t) => (
                <li key={t.id}>
                  <Link href={topicPath(t)}>{t.name}</Link>{' '}
                  <span className="facet__count">
                    {t.itemCount}
                    <span className="visually-hidden">
                      {' '}
                      {t.itemCount === 1 ? 'item' : 'items'} ({tagKindLabel[kind].toLowerCase()})
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
