'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/action';
import { parseWith, type FieldErrors as Errors } from '@/lib/validation/field-errors';
import { TextField, SelectField, TextAreaField } from '@/components/ui/fields';
import type { RecordOption } from '@/lib/format/record-options';

export type RecordFieldSpec = {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'url' | 'select' | 'textarea';
  options?: readonly { value: string; label: string }[];
  hint?: string;
  /** Fields sharing a row. */
  row?: string;
};

/**
 * "Create one without leaving the page": a small form inside the item form (a fieldset, not a nested
 * <form>) for a new meeting or publication, validated with the entity's own schema before it is sent
 * and by the server again. Every error shows at once; what was typed stays.
 */
export function InlineRecordForm({
  idPrefix,
  legend,
  fields,
  schema,
  submitLabel,
  create,
  onCreated,
  onCancel,
}: {
  idPrefix: string;
  legend: string;
  fields: RecordFieldSpec[];
  schema: z.ZodType;
  submitLabel: string;
  create: (prev: unknown, input: { fields: Record<string, string> }) => Promise<ActionResult<{ option: RecordOption }>>;
  onCreated: (option: RecordOption) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.type === 'select' ? (f.options?.[0]?.value ?? '') : ''])),
  );
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
    const checked = parseWith(schema, values);
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      setMessage('Please correct the fields marked below.');
      setInvalidTick((n) => n + 1);
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      const result = await create(null, { fields: values });
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

  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
  };

  return (
    <fieldset className="inline-record" onKeyDown={onKeyDown}>
      <legend>{legend}</legend>
      {message && (
        <p className="form-message form-message--error" role="alert">
          {message}
        </p>
      )}
      <div ref={firstRef} className="inline-record__fields">
        {fields.map((f) => {
          const id = `${idPrefix}-${f.name}`;
          const common = { id, label: f.label, hint: f.hint, errors: errors[f.name], value: values[f.name] ?? '' };
          if (f.type === 'select')
            return (
              <SelectField
                key={f.name}
                {...common}
                options={f.options ?? []}
                onChange={(e) => set(f.name, e.target.value)}
              />
            );
          if (f.type === 'textarea')
            return (
              <TextAreaField wide key={f.name} {...common} rows={2} onChange={(e) => set(f.name, e.target.value)} />
            );
          return (
            <TextField
              key={f.name}
              {...common}
              type={f.type === 'date' ? 'date' : f.type === 'url' ? 'url' : 'text'}
              inputMode={f.type === 'url' ? 'url' : undefined}
              autoComplete="off"
              onChange={(e) => set(f.name, e.target.value)}
            />
          );
        })}
      </div>
      <div className="button-row">
        <button type="button" className="button button--small" onClick={() => void submit()} disabled={pending}>
          {pending ? 'Creating…' : submitLabel}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
