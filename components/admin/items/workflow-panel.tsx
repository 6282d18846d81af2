'use client';

import { useEffect, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import type { ItemState } from '@/generated/prisma/enums';
import type { TransitionButton } from '@/lib/content/items/dto';
import type { FieldErrors as Errors } from '@/lib/validation/field-errors';
import { itemStateLabel, TRANSITIONS, type TransitionName } from '@/lib/workflow/states';
import { FieldError, describedBy } from '@/components/ui/fields';
import type { TransitionOutcome } from './use-save-queue';

const CONFIRM: Partial<Record<TransitionName, string>> = {
  archive: 'Archive this item? It leaves the desk and can no longer be edited.',
  unpublish: 'Unpublish this item? Readers will no longer see it; it goes back to approved.',
};

const DONE: Record<TransitionName, string> = {
  submit: 'Submitted for review.',
  withdraw: 'Withdrawn: it is a draft again, yours to change.',
  requestChanges: 'Changes requested: the author sees your note.',
  approve: 'Approved.',
  publish: 'Published.',
  unpublish: 'Unpublished: it is approved again.',
  archive: 'Archived.',
};

/**
 * The workflow buttons the person may press now (from getItemForEdit().permissions), each sending the
 * version they saw. Unsaved changes are saved first (`run` does), so what is submitted or approved is
 * what is on screen. A refusal says why; a conflict says the item moved on and offers the current version.
 */
export function WorkflowPanel({
  state,
  transitions,
  busy,
  run,
  onFieldErrors,
}: {
  state: ItemState;
  transitions: TransitionButton[];
  busy: boolean;
  /** Saves what is on screen, then fires the transition with the version that left (the editor keeps it). */
  run: (name: TransitionName, note: string | null) => Promise<TransitionOutcome>;
  onFieldErrors: (errors: Errors) => void;
}) {
  const [asking, setAsking] = useState<TransitionName | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string[] | undefined>();
  const [pending, setPending] = useState(false);
  // `?done=<step>`: the step was fired on the new-item page just before coming here (item-editor.tsx).
  // Said once: the address loses it at once, so a reload does not say it again.
  const done = useSearchParams().get('done');
  // Only when the item is in the state that step leads to: a hand-made `?done=publish` says nothing.
  const [message, setMessage] = useState<{ ok: boolean; text: string; conflict?: boolean } | null>(() =>
    done !== null && Object.hasOwn(DONE, done) && TRANSITIONS[done as TransitionName].to === state
      ? { ok: true, text: DONE[done as TransitionName] }
      : null,
  );
  useEffect(() => {
    if (done !== null) window.history.replaceState(null, '', window.location.pathname);
  }, [done]);

  const fire = async (t: TransitionButton) => {
    if (t.requiresNote && note.trim() === '') {
      setNoteError(['Say what needs to change: the author sees this note.']);
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      const result = await run(t.name, t.requiresNote ? note : null);
      if (result === 'not-saved') {
        setMessage({ ok: false, text: `Not done: your changes could not be saved first (see the status at the top).` });
        return;
      }
      if (result.ok) {
        setAsking(null);
        setNote('');
        setNoteError(undefined);
        setMessage({ ok: true, text: DONE[t.name] });
        return;
      }
      if (result.fieldErrors.note) setNoteError(result.fieldErrors.note);
      const { note: _note, ...others } = result.fieldErrors;
      if (Object.keys(others).length > 0) onFieldErrors(others);
      setMessage({ ok: false, text: result.message, conflict: result.code === 'conflict' });
    } catch {
      setMessage({ ok: false, text: 'The server could not be reached: try again.' });
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">Workflow</h2>
      <p>
        State: <strong data-testid="item-state">{itemStateLabel[state]}</strong>
      </p>
      {message && (
        <div className={`form-message ${message.ok ? 'form-message--ok' : 'form-message--error'}`} role="status">
          <p>{message.text}</p>
          {message.conflict && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => window.location.reload()}
            >
              Load the current version
            </button>
          )}
        </div>
      )}
      {transitions.length === 0 && <p className="muted">No workflow step is open to you now.</p>}
      <div className="workflow__buttons">
        {transitions.map((t) => {
          const confirm = CONFIRM[t.name];
          if (asking === t.name && (t.requiresNote || confirm)) {
            return (
              <div key={t.name} className="workflow__ask" role="group" aria-label={t.label}>
                {t.requiresNote ? (
                  <div className={`field field--wide${noteError ? ' field--invalid' : ''}`}>
                    <label htmlFor="transition-note">What needs to change</label>
                    <p className="field__hint" id="transition-note-hint">
                      The author sees this note on the item page.
                    </p>
                    <textarea
                      id="transition-note"
                      rows={4}
                      value={note}
                      aria-invalid={noteError ? true : undefined}
                      aria-describedby={describedBy('transition-note-hint', noteError && 'transition-note-error')}
                      onChange={(e) => {
                        setNote(e.target.value);
                        setNoteError(undefined);
                      }}
                    />
                    <FieldError id="transition-note-error" errors={noteError} />
                  </div>
                ) : (
                  <p>{confirm}</p>
                )}
                <div className="button-row">
                  <button
                    type="button"
                    className={`button button--small${t.name === 'archive' || t.name === 'unpublish' ? ' button--danger' : ''}`}
                    disabled={pending || busy}
                    onClick={() => void fire(t)}
                  >
                    {t.requiresNote ? 'Send the request' : `Yes, ${t.label.toLowerCase()}`}
                  </button>
                  <button type="button" className="button button--small button--quiet" onClick={() => setAsking(null)}>
                    Cancel
                  </button>
                </div>
              </div>
            );
          }
          return (
            <button
              key={t.name}
              type="button"
              className={`button button--small${t.name === 'archive' || t.name === 'unpublish' ? ' button--danger' : t.name === 'requestChanges' ? ' button--quiet' : ''}`}
              disabled={pending || busy}
              onClick={() => {
                setMessage(null);
                if (t.requiresNote || confirm) setAsking(t.name);
                else void fire(t);
              }}
            >
              {t.label}
            </button>
          );
        })}
      </div>
    </section>
  );
}
