import Link from 'next/link';
import type { PublishedIssue } from '@/lib/content/published';
import { formatDate, isoDate } from '@/lib/format/dates';
import { issueLabel } from '@/lib/format/labels';
import { IssueItem } from './item-article';

function sectionId(title: string, index: number) {
  return `section-${index + 1}-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** The cover line: "N° 25 – Spring 2002". */
export function IssueCover({
  issue,
  headingLevel = 1,
}: {
  issue: Pick<PublishedIssue, 'number' | 'coverLabel' | 'publishedAt'>;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <header className="issue-cover">
      <Heading className="issue-cover__title">
        {issueLabel(issue.number)} <span className="issue-cover__sep">–</span> {issue.coverLabel}
      </Heading>
      {issue.publishedAt && (
        <p className="issue-cover__date">
          Published <time dateTime={isoDate(issue.publishedAt)}>{formatDate(issue.publishedAt)}</time>
        </p>
      )}
    </header>
  );
}

/** Table of contents: sections in order with their items, linking into the page. */
export function IssueContents({ issue, linkToPage }: { issue: PublishedIssue; linkToPage?: boolean }) {
  const sections = issue.sections.filter((s) => s.items.length > 0);
  return (
    <nav aria-label={`Contents of ${issueLabel(issue.number)}`} className="contents">
      <h2 className="contents__heading">In this issue</h2>
      <ol className="contents__sections">
        {sections.map((section) => (
          <li key={section.id}>
            <h3 className="contents__section">{section.title}</h3>
            <ol className="contents__items">
              {section.items.map((item) => (
                <li key={item.id}>
                  <Link href={linkToPage ? `/issues/${issue.number}/${item.slug}` : `#${item.slug}`}>{item.title}</Link>
                  {linkToPage && item.standfirst && <p className="contents__standfirst">{item.standfirst}</p>}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The whole bulletin issue: cover, contents, then every section with its items in full.
 * `preview`: an unpublished issue shown to an editor or a share-link holder; items are not linked to
 * their own pages, which answer 404 until the issue is published.
 */
export function IssueView({ issue, preview = false }: { issue: PublishedIssue; preview?: boolean }) {
  const sections = issue.sections.filter((s) => s.items.length > 0);
  return (
    <div className="issue">
      <IssueCover issue={issue} />
      <IssueContents issue={issue} />
      {sections.map((section, index) => (
        <section key={section.id} className="issue-section" aria-labelledby={sectionId(section.title, index)}>
          <h2 id={sectionId(section.title, index)} className="issue-section__title">
            {section.title}
          </h2>
          {section.items.map((item) => (
            <IssueItem key={item.id} item={item} issueNumber={issue.number} linkTitle={!preview} />
          ))}
          {/^information exchange$/i.test(section.title.trim()) && (
            <p className="issue-section__contribute">
              <Link href="/contribute">Send the editors your news, a meeting or a publication</Link>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}

/** A list of bulletin issues linking to each: "N° 25 – Spring 2002". */
export function IssueLinkList({ issues }: { issues: { number: number; coverLabel: string }[] }) {
  return (
    <ul className="issue-list">
      {issues.map((i) => (
        <li key={i.number}>
          <Link href={`/issues/${i.number}`}>
            {issueLabel(i.number)} – {i.coverLabel}
          </Link>
        </li>
      ))}
    </ul>
  );
}
