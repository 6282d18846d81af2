import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPublishedIssue, getSettings } from '@/lib/content/published';
import { parseIssueNumber } from '@/lib/content/public-params';
import { IssueView } from '@/components/public/issue-view';
import { issueLabel } from '@/lib/format/labels';
import { publicAlternates } from '../../shared-metadata';

// Cached (docs/caching.md): rendered once, expired by lib/cache/invalidate.ts when what it shows
// changes; the 300 s revalidation is only a safety net.
export const revalidate = 300;

/** No page is rendered at build time (there is no database then); each is rendered on its first request, then cached. */
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ number: string }> };

async function load(params: Props['params']) {
  const number = parseIssueNumber((await params).number);
  return number === null ? null : getPublishedIssue(number);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await load(params);
  if (!issue) return {};
  const settings = await getSettings();
  const title = `${issueLabel(issue.number)} – ${issue.coverLabel}`;
  const description =
    issue.sections
      .flatMap((s) => s.items.map((i) => i.title))
      .slice(0, 4)
      .join('; ') || undefined;
  const path = `/issues/${issue.number}`;
  return {
    title,
    description,
    alternates: publicAlternates(settings.title, path),
    openGraph: {
      type: 'article',
      title,
      description,
      url: path,
      siteName: settings.title,
      publishedTime: issue.publishedAt?.toISOString(),
    },
  };
}

export default async function IssuePage({ params }: Props) {
  const issue = await load(params);
  if (!issue) notFound();
  return (
    <>
      <IssueView issue={issue} />
      <p className="subscribe-note">
        <Link href="/subscribe">Receive each new issue by e-mail</Link>: free, and one click to stop.
      </p>
    </>
  );
}
