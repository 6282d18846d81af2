import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getIssueForPreviewToken } from '@/lib/issues/get-issue-for-preview';
import { issueLabel } from '@/lib/format/labels';
import { formatUtc } from '@/lib/format/dates';
import { IssueView } from '@/components/public/issue-view';
import { PreviewBanner } from '@/components/public/preview-banner';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

// The token is the credential: unknown, malformed, expired and revoked tokens all answer the same 404.
const load = cache(async (token: string) => getIssueForPreviewToken(token));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const preview = await load((await params).token);
  // Never indexed, never followed (proxy.ts also sends X-Robots-Tag for every /preview address).
  const robots = { index: false, follow: false } as const;
  if (!preview) return { robots };
  return { title: `Preview: ${issueLabel(preview.issue.number)}`, robots };
}

/** A share link's read-only preview of an unpublished issue, for a reviewer without an account. */
export default async function SharedPreviewPage({ params }: Props) {
  const preview = await load((await params).token);
  if (!preview) notFound();
  return (
    <>
      <PreviewBanner>
        You are reading {issueLabel(preview.issue.number)} before publication, through a private link valid until{' '}
        {formatUtc(preview.expiresAt)}. Please do not share it.
      </PreviewBanner>
      <IssueView issue={preview.issue} preview />
    </>
  );
}
