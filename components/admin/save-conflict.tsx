'use client';

import { LocalTime } from '@/components/admin/items/local-time';
import './save-conflict.css';

export type ConflictRow = { field: string; label: string; theirs: string; mine: string };

/**
 * Shown above a form whose save was refused because someone else saved first (records, settings):
 * for every field where the two differ, their saved value next to what this person typed. The form
 * below still holds what was typed. Two ways out: save mine over theirs (at their version, so a
 * third save in between is caught again), or take theirs into the form.
 */
export function SaveConflict({
  what,
  savedAt,
  rows,
  busy,
  onKeepMine,
  onTakeTheirs,
}: {
  /** "this meeting", "the settings" */
  what: string;
  savedAt: string;
  rows: ConflictRow[];
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <section className="save-conflict" role="alert" aria-labelledby="save-conflict-heading" data-testid="save-conflict">
      <h2 id="save-conflict-heading">Someone else saved {what} while you were editing</h2>
      <p>
        Your changes were <strong>not saved</strong>: {what} was saved by someone else at{' '}
        <LocalTime date={new Date(savedAt)} />, after you opened it. What you typed is still in the form below.
      </p>
      {rows.length > 0 ? (
        <table>
          <caption className="visually-hidden">Their saved values and yours, where they differ</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Their version (saved)</th>
              <th scope="col">Yours (not saved)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} data-field={row.field}>
                <th scope="row">{row.label}</th>
                <td data-side="theirs">{row.theirs || <span className="save-conflict__empty">empty</span>}</td>
                <td data-side="mine">{row.mine || <span className="save-conflict__empty">empty</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Your values are the same as theirs.</p>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={onKeepMine}>
          Save mine over theirs
        </button>
        <button type="button" className="button button--quiet" disabled={busy} onClick={onTakeTheirs}>
          Take theirs
        </button>
      </div>
    </section>
  );
}
