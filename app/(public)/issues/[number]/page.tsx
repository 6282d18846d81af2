import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPublishedIssue } from '@/lib/content/published';
import { parseIssueNumber } from '@/lib/content/public-params';
import { IssueView } from '@/components/public/issue-view';
import { issueLabel } from '@/lib/format/labels';

type Props = { params: Promise<{ number: string }> };

async function load(params: Props['params']) {
  const number = parseIssueNumber((await params).number);
  return number === null ? null : getPublishedIssue(number);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await load(params);
  if (!issue) return {};
  const titles = issue.sections.flatMap((s) => s.items.map((i) => i.title));
  return {
    title: `${issueLabel(issue.number)} – ${issue.coverLabel}`,
    description: titles.slice(0, 4).join('; '),
  };
}

export default async function IssuePage({ params }: Props) {
  const issue = await load(params);
  if (!issue) notFound();
  return <IssueView issue={issue} />;
}
