'use client';

import { useMemo, useState } from 'react';
import Link from 'next/link';
import type { ItemConflict } from '@/lib/content/items/item-conflict';
import { itemStateLabel } from '@/lib/workflow/states';
import { ChangeList } from './change-list';
import { eventPhrase } from '@/lib/format/desk-labels';
import {
  applyMerge,
  contestedFields,
  fieldLabel,
  mergePlan,
  valuesFromSnapshot,
  type FormField,
  type FormValues,
  type Side,
} from './item-form-values';
import { LocalTime } from './local-time';

/**
 * Shown when a save was refused because someone else changed the item first. Says who and when, what
 * they changed (word by word), how the person's own version differs, and offers the two ways out:
 * take theirs, or keep mine on top (my edits re-applied to their version, a choice for each field we
 * both changed). Either way the other text stays in the history: the refused save is kept as a revision.
 */
export function ConflictView({
  conflict,
  base,
  mine,
  itemId,
  onTakeTheirs,
  onKeepMine,
  busy,
}: {
  conflict: ItemConflict;
  base: FormValues;
  mine: FormValues;
  itemId: string;
  onTakeTheirs: (theirs: FormValues) => void;
  onKeepMine: (merged: FormValues, theirs: FormValues) => void;
  busy: boolean;
}) {
  const theirs = useMemo(() => valuesFromSnapshot(conflict.theirs), [conflict]);
  const [choices, setChoices] = useState<Partial<Record<FormField, Side>>>({});
  const plan = useMemo(() => mergePlan(base, mine, theirs, choices), [base, mine, theirs, choices]);
  const contested = contestedFields(plan);
  const mineOnly = plan.filter((p) => p.mineChanged && !p.theirsChanged).map((p) => fieldLabel[p.field]);
  const theirsOnly = plan.filter((p) => p.theirsChanged && !p.mineChanged).map((p) => fieldLabel[p.field]);
  const t = conflict.lastTransition;

  return (
    <section className="conflict" aria-labelledby="conflict-heading" role="alert" data-testid="conflict-view">
      <h2 id="conflict-heading">Someone else changed this item</h2>
      <p>
        Your changes were <strong>not saved</strong>, because the item changed after you opened it.
        {conflict.lastSavedBy && conflict.lastSavedAt && (
          <>
            {' '}
            <strong>{conflict.lastSavedBy.name}</strong> saved it at <LocalTime date={new Date(conflict.lastSavedAt)} />
            .
          </>
        )}
        {t && (
          <>
            {' '}
            <strong>{t.by?.name ?? 'Someone'}</strong> {eventPhrase[t.action] ?? t.action} at{' '}
            <LocalTime date={new Date(t.at)} />.
          </>
        )}{' '}
        It is now {itemStateLabel[conflict.state].toLowerCase()}.
      </p>
      {conflict.keptAsRevision !== null && (
        <p className="muted">
          Nothing you typed is lost: your version is kept as revision {conflict.keptAsRevision} in the{' '}
          <Link href={`/admin/items/${itemId}/history`} target="_blank">
            history
          </Link>
          .
        </p>
      )}

      <h3>What they changed</h3>
      {conflict.theirChanges ? (
        <ChangeList
          changes={conflict.theirChanges}
          empty="No changes to the fields (only its workflow state changed)."
          testId="their-changes"
        />
      ) : (
        <p className="muted">
          The version you opened is no longer in the history, so their changes cannot be listed; the difference below
          shows everything.
        </p>
      )}

      <h3>How your version differs from theirs</h3>
      <ChangeList changes={conflict.yourChanges} empty="Your version and theirs are the same." testId="your-changes" />

      {conflict.canEdit ? (
        <>
          <h3>Keep mine on top</h3>
          <p>
            {mineOnly.length > 0 && <>Your changes to {mineOnly.join(', ')} are applied to their version. </>}
            {theirsOnly.length > 0 && <>Their changes to {theirsOnly.join(', ')} stay. </>}
            {mineOnly.length === 0 && contested.length === 0 && (
              <>You changed nothing that differs from their version. </>
            )}
          </p>
          {contested.map((field) => (
            <fieldset key={field} className="conflict__choice">
              <legend>{fieldLabel[field]}: you both changed it. Keep</legend>
              {(['mine', 'theirs'] as const).map((side) => (
                <label key={side}>
                  <input
                    type="radio"
                    name={`conflict-${field}`}
                    value={side}
                    checked={(choices[field] ?? 'mine') === side}
                    onChange={() => setChoices((c) => ({ ...c, [field]: side }))}
                  />{' '}
                  {side === 'mine' ? 'my version' : 'their version'}
                </label>
              ))}
            </fieldset>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => onKeepMine(applyMerge(mine, theirs, plan), theirs)}
            >
              Keep mine on top
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => onTakeTheirs(theirs)}>
              Take theirs
            </button>
          </div>
        </>
      ) : (
        <>
          <p>You can no longer change this item in its new state. Load the current version to see it.</p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => onTakeTheirs(theirs)}>
              Take theirs
            </button>
          </div>
        </>
      )}
    </section>
  );
}
