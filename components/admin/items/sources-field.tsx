'use client';

import { FieldError, TextField } from '@/components/ui/fields';
import { newRowKey, type SourceRow } from './item-form-values';

/** Who reported it, with a link and date where known: several, in order (add, remove, move up and down). */
export function SourcesField({
  rows,
  onChange,
  errorsFor,
  readOnly,
  inputsReadOnly = readOnly,
}: {
  rows: SourceRow[];
  onChange: (rows: SourceRow[]) => void;
  errorsFor: (key: string) => string[] | undefined;
  readOnly: boolean;
  inputsReadOnly?: boolean;
}) {
  const update = (i: number, patch: Partial<SourceRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(i + by, 0, row!);
    onChange(next);
  };
  const listErrors = errorsFor('sources');
  return (
    <fieldset className="sources-field">
      <legend>Sources</legend>
      <p className="field__hint">Who reported it, with a link and a date where known. The first is listed first.</p>
      <FieldError id="item-sources-error" errors={listErrors} />
      {rows.length === 0 && <p className="muted">No sources yet.</p>}
      <ol className="sources-field__rows">
        {rows.map((row, i) => {
          const n = i + 1;
          const prefix = `item-source-${row.key}`;
          return (
            <li key={row.key}>
              <fieldset className="sources-field__row" aria-label={`Source ${n}`}>
                <div className="form-row">
                  <TextField
                    id={`${prefix}-name`}
                    label="Name"
                    value={row.name}
                    readOnly={inputsReadOnly}
                    errors={errorsFor(`sources.${i}.name`)}
                    onChange={(e) => update(i, { name: e.target.value })}
                    autoComplete="off"
                  />
                  <TextField
                    id={`${prefix}-url`}
                    label="Link"
                    type="url"
                    inputMode="url"
                    value={row.url}
                    readOnly={inputsReadOnly}
                    errors={errorsFor(`sources.${i}.url`)}
                    onChange={(e) => update(i, { url: e.target.value })}
                    autoComplete="off"
                  />
                  <TextField
                    id={`${prefix}-date`}
                    label="Date"
                    type="date"
                    value={row.date}
                    readOnly={inputsReadOnly}
                    errors={errorsFor(`sources.${i}.date`)}
                    onChange={(e) => update(i, { date: e.target.value })}
                  />
                </div>
                {!readOnly && (
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`Move source ${n} up`}
                    >
                      Move up
                    </button>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`Move source ${n} down`}
                    >
                      Move down
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                      aria-label={`Remove source ${n}`}
                    >
                      Remove
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => onChange([...rows, { key: newRowKey(), name: '', url: '', date: '' }])}
        >
          Add source
        </button>
      )}
    </fieldset>
  );
}
