'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { publishIssueAction, unpublishIssueAction } from '@/app/admin/issues/actions';
import type { ActionState } from '@/lib/actions/action';
import { FormMessage } from '@/components/ui/fields';
import { BLOCKERS_HEADING_ID } from './readiness-panel';

type Props = {
  issueId: string;
  version: number;
  published: boolean;
  label: string;
  blockerCount: number;
  itemCount: number | null;
};

/**
 * The outcome of publishing or unpublishing. A refusal's reasons are not listed again here: the page
 * is refreshed and the readiness panel above, the one list of blockers, shows them.
 */
function Outcome({ state }: { state: ActionState }) {
  if (!state) return null;
  const refusedForReasons = !state.ok && (state.fieldErrors[''] ?? []).length > 0;
  return (
    <div data-testid="publish-outcome">
      <FormMessage state={state} />
      {refusedForReasons && <p className="muted">The list above says what to fix.</p>}
    </div>
  );
}

/**
 * "Publish issue" (the server checks readiness again, inside the publishing transaction, and refuses
 * with the reasons) and "Unpublish issue" (asks first). Both are checked against the version shown.
 */
export function PublishControls({ issueId, version, published, label, blockerCount, itemCount }: Props) {
  const router = useRouter();
  const [publishState, publish, publishing] = useActionState(publishIssueAction, null);
  const [unpublishState, unpublish, unpublishing] = useActionState(unpublishIssueAction, null);
  const [confirming, setConfirming] = useState(false);
  // Only the outcome of the latest of the two is shown (publishing, then unpublishing, then…).
  const [last, setLast] = useState<'publish' | 'unpublish' | null>(null);
  const outcome = last === 'publish' ? publishState : last === 'unpublish' ? unpublishState : null;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  // A refusal means the page may be out of date (readiness, version): show the server's view again.
  useEffect(() => {
    if (publishState && !publishState.ok) router.refresh();
  }, [publishState, router]);
  useEffect(() => {
    if (unpublishState && !unpublishState.ok) router.refresh();
  }, [unpublishState, router]);
  // A new answer to "Unpublish" closes the confirmation (adjusting state during render, not in an effect).
  const [answered, setAnswered] = useState(unpublishState);
  if (unpublishState !== answered) {
    setAnswered(unpublishState);
    if (unpublishState) setConfirming(false);
  }
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!published && blockerCount > 0) {
    // Blocked: the button says so plainly and takes the person to the list (it does not submit).
    return (
      <div className="publish-form">
        <Outcome state={outcome} />
        <button
          type="button"
          className="button button--quiet"
          aria-describedby="publish-blocked-hint"
          onClick={() => document.getElementById(BLOCKERS_HEADING_ID)?.focus()}
        >
          {blockerCount === 1 ? 'Fix 1 thing first' : `Fix ${blockerCount} things first`}
        </button>
        <p className="muted" id="publish-blocked-hint">
          Publishing opens once the list above is empty.
        </p>
      </div>
    );
  }

  if (!published) {
    return (
      <form action={publish} onSubmit={() => setLast('publish')} className="publish-form">
        <input type="hidden" name="issueId" value={issueId} readOnly />
        <input type="hidden" name="version" value={version} readOnly />
        <Outcome state={outcome} />
        <button type="submit" className="button" disabled={publishing}>
          {publishing ? 'Publishing…' : 'Publish issue'}
        </button>
        <p className="muted">
          {`${label} and ${itemCount === 1 ? 'its item' : `its ${itemCount ?? 0} items`} go out together, with one publication time.`}
        </p>
      </form>
    );
  }

  return (
    <div className="publish-form">
      <Outcome state={outcome} />
      {!confirming ? (
        <button type="button" className="button button--danger" ref={openRef} onClick={() => setConfirming(true)}>
          Unpublish issue
        </button>
      ) : (
        <form
          action={unpublish}
          onSubmit={() => setLast('unpublish')}
          className="confirm"
          role="group"
          aria-labelledby="unpublish-question"
        >
          <input type="hidden" name="issueId" value={issueId} readOnly />
          <input type="hidden" name="version" value={version} readOnly />
          <p id="unpublish-question">
            <strong>Unpublish {label}?</strong> The issue and every item in it leave the public site at once; the items
            go back to “approved”.
          </p>
          <div className="field">
            <label htmlFor="unpublish-note">Note for the record (optional)</label>
            <input id="unpublish-note" name="note" autoComplete="off" />
          </div>
          <div className="row-actions">
            <button type="submit" className="button button--danger" ref={confirmRef} disabled={unpublishing}>
              {unpublishing ? 'Unpublishing…' : 'Yes, unpublish'}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => openRef.current?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
