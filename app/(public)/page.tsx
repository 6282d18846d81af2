import Link from 'next/link';
import { getLatestPublishedIssueNumber, getPublishedIssue, listPublishedIssues } from '@/lib/content/published';
import { IssueContents, IssueCover, IssueLinkList } from '@/components/public/issue-view';
import { issueLabel } from '@/lib/format/labels';

// Cached (docs/caching.md): rendered once, expired by lib/cache/invalidate.ts when what it shows
// changes; the 300 s revalidation is only a safety net.
export const revalidate = 300;

export default async function HomePage() {
  const latestNumber = await getLatestPublishedIssueNumber();
  const [issue, all] = await Promise.all([
    latestNumber ? getPublishedIssue(latestNumber) : null,
    listPublishedIssues(),
  ]);
  const earlier = all.filter((i) => i.number !== latestNumber).slice(0, 8);

  if (!issue) {
    return (
      <div className="empty-state">
        <h1>No issue has been published yet</h1>
        <p>The first issue will appear here as soon as the editors publish it.</p>
      </div>
    );
  }

  return (
    <div className="home">
      <section className="home__latest" aria-labelledby="latest-heading">
        <p className="kicker" id="latest-heading">
          Latest issue
        </p>
        <IssueCover issue={issue} />
        <IssueContents issue={issue} linkToPage />
        <p className="home__read-all">
          <Link href={`/issues/${issue.number}`}>Read all of {issueLabel(issue.number)} on one page</Link>
        </p>
      </section>
      {earlier.length > 0 && (
        <section className="home__earlier" aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Earlier issues</h2>
          <IssueLinkList issues={earlier} />
          <p>
            <Link href="/issues">The full archive</Link>
          </p>
        </section>
      )}
    </div>
  );
}
