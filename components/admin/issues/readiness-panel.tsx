import Link from 'next/link';
import type { Blocker, BlockerKind, Warning, WarningKind } from '@/lib/issues/readiness';

const fixLabel: Record<BlockerKind, string> = {
  missingCoverLabel: 'Edit the details',
  noItems: 'Add items',
  itemNotApproved: 'Open the item',
  wrongKind: 'Go to the section',
  meetingIncomplete: 'Open the meeting',
  publicationWithoutIssuingBody: 'Open the publication',
};

const warningLink: Record<WarningKind, string> = {
  emptySection: 'Go to the section',
  outOfNumberOrder: 'Check the number',
  coverLabelReused: 'Check the cover label',
};

/** The one id the "Fix … first" button sends the focus to. */
export const BLOCKERS_HEADING_ID = 'blockers-heading';

/**
 * What blocks publishing, each with a link to where it is fixed (the only list of blockers on the
 * page), then what is worth knowing but blocks nothing. Empty sections are left out when the issue is
 * published: readers never see a section without items (the public issue, its contents and the e-mail
 * edition all skip them), so an issue planned from the full template can go out with one item.
 */
export function ReadinessPanel({
  blockers,
  warnings,
  published,
}: {
  blockers: Blocker[];
  warnings: Warning[];
  published: boolean;
}) {
  return (
    <>
      {blockers.length === 0 ? (
        <p className="readiness readiness--ready" data-testid="readiness">
          {published
            ? 'Published, and nothing is out of order.'
            : 'Ready to publish: every placed item is approved and of the right kind.'}
        </p>
      ) : (
        <div className="readiness readiness--blocked" data-testid="readiness">
          <h3 id={BLOCKERS_HEADING_ID} tabIndex={-1}>
            {blockers.length === 1 ? 'One thing blocks publishing' : `${blockers.length} things block publishing`}
          </h3>
          <ul aria-labelledby={BLOCKERS_HEADING_ID} className="readiness__list">
            {blockers.map((b, i) => (
              <li
                key={`${b.kind}-${b.itemId ?? ''}-${b.sectionId ?? ''}-${b.meetingId ?? ''}-${b.publicationId ?? ''}-${i}`}
                data-blocker={b.kind}
              >
                {b.message} <Link href={b.fixHref}>{fixLabel[b.kind]}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="readiness readiness--notes" data-testid="readiness-warnings">
          <h3 id="warnings-heading">
            {warnings.length === 1 ? 'Worth knowing' : `Worth knowing (${warnings.length})`}{' '}
            <span className="muted">: none of this blocks publishing</span>
          </h3>
          <ul aria-labelledby="warnings-heading" className="readiness__list">
            {warnings.map((w, i) => (
              <li key={`${w.kind}-${w.sectionId ?? ''}-${i}`} data-warning={w.kind}>
                {w.message} {!published && <Link href={w.fixHref}>{warningLink[w.kind]}</Link>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!published && (
        <p className="muted" data-testid="empty-sections-rule">
          Empty sections are left out when the issue is published: readers do not see them.
        </p>
      )}
    </>
  );
}
