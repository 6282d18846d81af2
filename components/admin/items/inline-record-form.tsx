'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { emptyValues, type RecordKind, type RecordOption } from '@/lib/records/record-kind';
import { parseWith, type FieldErrors as Errors } from '@/lib/validation/field-errors';
import { RecordFieldList } from '@/components/admin/records/record-field-list';

/**
 * "Create one without leaving the page": a small form inside the item form (a fieldset, not a nested
 * <form>) for a new record of a kind, its compact field list, validated with the kind's own schema
 * before it is sent and by the server again. Every error shows at once; what was typed stays.
 */
export function InlineRecordForm({
  kind,
  create,
  onCreated,
  onCancel,
}: {
  kind: RecordKind;
  /** The kind's createForPicker action (app/admin/items/new/record-actions.ts): the fields, flat. */
  create: (prev: unknown, input: Record<string, string>) => Promise<ActionResult<{ option: RecordOption }>>;
  onCreated: (option: RecordOption) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => emptyValues(kind));
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [invalidTick, setInvalidTick] = useState(0);
  const firstRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    firstRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  useEffect(() => {
    if (invalidTick > 0) firstRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidTick]);

  const submit = async () => {
    if (pending) return;
    const checked = parseWith(kind.schema, values);
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      setMessage('Please correct the fields marked below.');
      setInvalidTick((n) => n + 1);
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      const result = await create(null, values);
      if (result.ok) {
        onCreated(result.option);
        return;
      }
      setErrors(result.fieldErrors);
      setMessage(result.message);
      setInvalidTick((n) => n + 1);
    } catch {
      setMessage('The server could not be reached. What you typed is still here: try again.');
    } finally {
      setPending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    // Enter here creates the record; it must not submit the item form around it.
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      void submit();
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <fieldset className="inline-record" onKeyDown={onKeyDown}>
      <legend>New {kind.noun.one}</legend>
      {message && (
        <p className="form-message form-message--error" role="alert">
          {message}
        </p>
      )}
      <div ref={firstRef} className="inline-record__fields">
        <RecordFieldList
          compact
          fields={kind.fields}
          idPrefix={`new-${kind.key}-`}
          errors={errors}
          values={values}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button--small" onClick={() => void submit()} disabled={pending}>
          {pending ? 'Creating…' : `Create ${kind.noun.one}`}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
