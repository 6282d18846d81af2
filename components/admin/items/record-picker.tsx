'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import type { RecordOption } from '@/lib/records/record-kind';
import { FieldError } from '@/components/ui/fields';
import type { LinkedRecord } from './item-form-values';

type Search = (
  prev: unknown,
  input: { q: string },
) => Promise<ActionResult<{ options: RecordOption[]; total: number }>>;

/**
 * Links the item to a meeting or a publication: search the existing records, or create a new one
 * inline (renderCreate) without leaving the page.
 */
export function RecordPicker({
  id,
  noun,
  selected,
  selectedDetail,
  onSelect,
  search,
  renderCreate,
  errors,
  readOnly,
}: {
  id: string;
  /** "meeting" or "publication". */
  noun: string;
  selected: LinkedRecord | null;
  selectedDetail: string | null;
  onSelect: (option: RecordOption | null) => void;
  search: Search;
  renderCreate: (done: (option: RecordOption) => void, cancel: () => void) => ReactNode;
  errors?: string[];
  readOnly: boolean;
}) {
  const [changing, setChanging] = useState(false);
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<{ q: string; options: RecordOption[]; total: number } | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const resultsId = useId();
  const errorId = `${id}-error`;
  const seq = useRef(0);
  const open = !selected || changing;

  useEffect(() => {
    if (!open || creating || readOnly) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      try {
        const result = await search(null, { q });
        if (mine !== seq.current) return;
        if (result.ok) {
          setResults({ q, options: result.options, total: result.total });
          setSearchError(null);
        } else setSearchError(result.message);
      } catch {
        if (mine === seq.current) setSearchError('The search did not answer: try again.');
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [q, open, creating, readOnly, search]);

  const choose = (option: RecordOption) => {
    onSelect(option);
    setChanging(false);
    setCreating(false);
    setQ('');
  };

  const Noun = noun[0]!.toUpperCase() + noun.slice(1);
  return (
    <fieldset
      className={`picker${errors?.length ? ' field--invalid' : ''}`}
      aria-describedby={errors?.length ? errorId : undefined}
      id={id}
    >
      <legend>{Noun}</legend>
      {selected && (
        <div className="picker__selected" data-testid={`${noun}-selected`}>
          <p>
            <strong>{selected.label}</strong>
            {selectedDetail && <span className="picker__detail">{selectedDetail}</span>}
          </p>
          {!readOnly && !changing && (
            <div className="button-row">
              <button type="button" className="button button--small button--quiet" onClick={() => setChanging(true)}>
                Change {noun}
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => onSelect(null)}>
                Remove {noun}
              </button>
            </div>
          )}
        </div>
      )}
      {!selected && readOnly && <p className="muted">No {noun} chosen.</p>}
      <FieldError id={errorId} errors={errors} />
      {open && !readOnly && !creating && (
        <div className="picker__search">
          <label htmlFor={`${id}-q`}>Find a {noun}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            autoComplete="off"
            aria-controls={resultsId}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
          <div id={resultsId} aria-live="polite">
            {searchError && <p className="field__error">{searchError}</p>}
            {results && results.options.length === 0 && (
              <p className="muted">
                No {noun}s match “{results.q}”.
              </p>
            )}
            {results && results.options.length > 0 && (
              <ul className="picker__results" aria-label={`Matching ${noun}s`}>
                {results.options.map((o) => (
                  <li key={o.id}>
                    <button
                      type="button"
                      className="picker__option"
                      onClick={() => choose(o)}
                      aria-label={`Choose ${o.label}`}
                    >
                      <strong>{o.label}</strong>
                      {o.detail && <span className="picker__detail">{o.detail}</span>}
                    </button>
                  </li>
                ))}
                {results.total > results.options.length && (
                  <li className="muted">More match: type more of the name.</li>
                )}
              </ul>
            )}
          </div>
          <div className="button-row">
            <button type="button" className="button button--small button--quiet" onClick={() => setCreating(true)}>
              New {noun}
            </button>
            {changing && (
              <button type="button" className="button button--small button--quiet" onClick={() => setChanging(false)}>
                Keep the current {noun}
              </button>
            )}
          </div>
        </div>
      )}
      {open && !readOnly && creating && renderCreate(choose, () => setCreating(false))}
    </fieldset>
  );
}
