import Link from 'next/link';
import type { Blocker, BlockerKind } from '@/lib/issues/readiness';

const fixLabel: Record<BlockerKind, string> = {
  missingCoverLabel: 'Edit the details',
  noItems: 'Add items',
  emptySection: 'Go to the section',
  itemNotApproved: 'Open the item',
  wrongKind: 'Go to the section',
  meetingIncomplete: 'Open the meeting',
  publicationWithoutIssuingBody: 'Open the publication',
};

/** What blocks publishing, each with a link to where it is fixed. */
export function ReadinessPanel({ blockers, published }: { blockers: Blocker[]; published: boolean }) {
  if (blockers.length === 0) {
    return (
      <p className="readiness readiness--ready" data-testid="readiness">
        {published
          ? 'Published, and nothing is out of order.'
          : 'Ready to publish: every section holds approved items of the right kind.'}
      </p>
    );
  }
  return (
    <div className="readiness readiness--blocked" data-testid="readiness">
      <h3 id="blockers-heading">
        {blockers.length === 1 ? 'One thing blocks publishing' : `${blockers.length} things block publishing`}
      </h3>
      <ul aria-labelledby="blockers-heading" className="readiness__list">
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
  );
}
