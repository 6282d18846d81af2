import type { Metadata } from 'next';
import { listPublishedIssues } from '@/lib/content/published';
import { IssueLinkList } from '@/components/public/issue-view';

// Cached (docs/caching.md): rendered once, expired by lib/cache/invalidate.ts when what it shows
// changes; the 300 s revalidation is only a safety net.
export const revalidate = 300;

export const metadata: Metadata = { title: 'Archive', description: 'Every published issue of the bulletin, by year.' };

export default async function ArchivePage() {
  const issues = await listPublishedIssues();
  const byYear = new Map<number, typeof issues>();
  for (const issue of issues) {
    const year = (issue.coverDate ?? issue.publishedAt ?? new Date()).getUTCFullYear();
    byYear.set(year, [...(byYear.get(year) ?? []), issue]);
  }
  return (
    <div className="archive">
      <h1>Archive</h1>
      {issues.length === 0 && <p>No issue has been published yet.</p>}
      {[...byYear.entries()].map(([year, list]) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>{year}</h2>
          <IssueLinkList issues={list} />
        </section>
      ))}
    </div>
  );
}
