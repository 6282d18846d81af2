import type { Metadata } from 'next';
import { cache } from 'react';
import { headers } from 'next/headers';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { orNotFound } from '@/lib/or-not-found';
import { getIssueForDesk } from '@/lib/issues/get-issue-for-desk';
import { getReadiness } from '@/lib/issues/get-readiness';
import { listPreviewLinks } from '@/lib/issues/list-preview-links';
import { adminHref } from '@/lib/issues/hrefs';
import { issueLabel } from '@/lib/format/labels';
import { formatInZoneAndUtc, formatUtc, isoDate, zonedDateTimeInput } from '@/lib/format/dates';
import { getSettings } from '@/lib/content/published';
import { issueStateLabel } from '@/lib/format/issue-desk';
import { siteUrl } from '@/lib/site-url';
import { IssueDetailsForm } from '@/components/admin/issues/issue-details-form';
import { IssueContentsEditor, type DeskSectionDto } from '@/components/admin/issues/issue-contents-editor';
import { ReadinessPanel } from '@/components/admin/issues/readiness-panel';
import { PublishControls } from '@/components/admin/issues/publish-controls';
import { ScheduleControls } from '@/components/admin/issues/schedule-controls';
import { ShareLinks, type ShareLinkDto } from '@/components/admin/issues/share-links';
import { EditionPanel } from '@/components/admin/issues/edition-panel';
import '@/components/admin/issues.css';

type Props = { params: Promise<{ id: string }> };

/** Once per request (metadata and page share it): the person, then the issue, its readiness and its links. */
const load = cache(async (id: string) => {
  const actor = await requireActor();
  if (!can(actor, 'issue.manage')) forbidden();
  return orNotFound(Promise.all([getIssueForDesk(actor, id), getReadiness(actor, id), listPreviewLinks(actor, id)]));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [issue] = await load((await params).id);
  return { title: `${issueLabel(issue.number)} – planning` };
}

/** The planning page of one issue: readiness and publishing, details, sections and their items, previews. */
export default async function IssueDeskPage({ params }: Props) {
  const [issue, readiness, links] = await load((await params).id);
  const base = siteUrl(await headers());
  const zone = (await getSettings()).timeZone;

  const sections: DeskSectionDto[] = issue.sections.map((s) => ({
    id: s.id,
    title: s.title,
    acceptsKind: s.acceptsKind,
    items: s.items.map((i) => ({ id: i.id, title: i.title, kind: i.kind, state: i.state, authorName: i.author.name })),
  }));
  const shareLinks: ShareLinkDto[] = links.map((l) => ({
    id: l.id,
    status: l.status,
    createdLabel: formatUtc(l.createdAt),
    expiresLabel: formatUtc(l.expiresAt),
    createdBy: l.createdBy.name,
  }));
  const published = issue.state === 'PUBLISHED';
  const label = issueLabel(issue.number);

  return (
    <>
      <p className="bo-back">
        <Link href={adminHref.issues()}>← All issues</Link>
      </p>
      <div className="desk-title">
        <h1>
          {label}
          {issue.coverLabel ? ` – ${issue.coverLabel}` : ''}
        </h1>
        <span className={`badge badge--issue-${issue.state.toLowerCase()}`} data-testid="issue-state">
          {issueStateLabel[issue.state]}
        </span>
      </div>
      <p className="bo-lede">
        {published && issue.publishedAt ? (
          <>
            Published {formatUtc(issue.publishedAt)}.{' '}
            <Link href={`/issues/${issue.number}`}>Read it on the public site</Link>.
          </>
        ) : (
          <>
            Not published. <Link href={`${adminHref.issue(issue.id)}/preview`}>Preview it as readers will see it</Link>.
          </>
        )}
      </p>

      <div className="desk-grid">
        <div className="desk-grid__side">
          <section className="panel" id="publishing" aria-labelledby="publishing-heading">
            <h2 id="publishing-heading">Publishing</h2>
            <ReadinessPanel blockers={readiness.blockers} warnings={readiness.warnings} published={published} />
            <PublishControls
              issueId={issue.id}
              version={issue.version}
              published={published}
              label={label}
              blockerCount={readiness.blockers.length}
              itemCount={readiness.blockers.length === 0 ? sections.reduce((n, s) => n + s.items.length, 0) : null}
            />
            {!published && (
              <ScheduleControls
                issueId={issue.id}
                timeZone={zone}
                schedule={
                  issue.scheduledAt
                    ? {
                        label: formatInZoneAndUtc(issue.scheduledAt, zone),
                        input: zonedDateTimeInput(issue.scheduledAt, zone),
                      }
                    : null
                }
                scheduleError={issue.scheduleError}
                scheduleFailedAtLabel={issue.scheduleFailedAt ? formatUtc(issue.scheduleFailedAt) : null}
              />
            )}
          </section>

          <EditionPanel issueId={issue.id} published={published} />

          <section className="panel" id="sharing" aria-labelledby="sharing-heading">
            <h2 id="sharing-heading">Preview and share links</h2>
            <p>
              <Link href={`${adminHref.issue(issue.id)}/preview`}>Open the preview</Link>
              <span className="muted"> (editors and administrators only)</span>
            </p>
            <ShareLinks issueId={issue.id} siteBase={base} links={shareLinks} published={published} />
          </section>
        </div>

        <div className="desk-grid__main">
          <section className="panel" id="details" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <IssueDetailsForm
              issueId={issue.id}
              version={issue.version}
              number={issue.number}
              coverLabel={issue.coverLabel}
              coverDate={issue.coverDate ? isoDate(issue.coverDate) : ''}
              numberLocked={published}
            />
          </section>

          <section className="panel" id="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading">Sections and items</h2>
            <p className="muted">
              Order items with “Move up” and “Move down”, or drag them. Every change is saved at once.
              {published && ' The issue is published: withdraw it to change which items it holds.'}
            </p>
            <IssueContentsEditor issueId={issue.id} published={published} sections={sections} />
          </section>
        </div>
      </div>
    </>
  );
}
