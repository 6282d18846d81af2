import Link from 'next/link';
import type { Metadata } from 'next';
import { listPublishedIssues } from '@/lib/content/published';
import { issueLabel } from '@/lib/format/labels';

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
          <ul className="issue-list">
            {list.map((i) => (
              <li key={i.number}>
                <Link href={`/issues/${i.number}`}>
                  {issueLabel(i.number)} – {i.coverLabel}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
