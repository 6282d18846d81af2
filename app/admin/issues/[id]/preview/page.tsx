import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { orNotFound } from '@/lib/or-not-found';
import { getIssueForPreview } from '@/lib/issues/get-issue-for-preview';
import { adminHref } from '@/lib/issues/hrefs';
import { issueLabel } from '@/lib/format/labels';
import { IssueView } from '@/components/public/issue-view';
import { PreviewBanner } from '@/components/public/preview-banner';
import { SiteHeader } from '@/components/public/site-header';
import { SiteFooter } from '@/components/public/site-footer';
import '@/components/admin/issues.css';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** An issue as readers will see it once published, inside the public site's masthead and footer. */
export default async function IssuePreviewPage({ params }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'issue.preview')) forbidden();
  const { id } = await params;
  const issue = await orNotFound(getIssueForPreview(actor, id));
  const placed = issue.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <>
      <p className="bo-back">
        <Link href={adminHref.issue(issue.id)}>← Back to planning {issueLabel(issue.number)}</Link>
      </p>
      <PreviewBanner>
        {issue.publishedAt
          ? `${issueLabel(issue.number)} is published; this preview shows every item placed in it.`
          : `This is how ${issueLabel(issue.number)} will look once published (${placed === 1 ? '1 item' : `${placed} items`}, whatever their state now). Readers cannot see it yet.`}
      </PreviewBanner>
      <div className="preview-frame">
        <SiteHeader />
        <div className="site-main">
          <IssueView issue={issue} preview />
        </div>
        <SiteFooter />
      </div>
    </>
  );
}
