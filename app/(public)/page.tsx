import Link from 'next/link';
import { getLatestPublishedIssueNumber, getPublishedIssue } from '@/lib/content/published';
import { getHomeColumn } from '@/lib/content/home-column';
import { IssueContents, IssueCover } from '@/components/public/issue-view';
import { HomeColumn } from '@/components/public/home-column';
import { issueLabel } from '@/lib/format/labels';

// Cached (docs/caching.md): rendered once, expired by lib/cache/invalidate.ts when what it shows
// changes; the 300 s revalidation is only a safety net.
export const revalidate = 300;

export default async function HomePage() {
  const latestNumber = await getLatestPublishedIssueNumber();
  const [issue, column] = await Promise.all([latestNumber ? getPublishedIssue(latestNumber) : null, getHomeColumn()]);

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
      <HomeColumn data={column} latestNumber={issue.number} today={new Date()} />
    </div>
  );
}
