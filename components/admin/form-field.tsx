import type { InputHTMLAttributes, ReactNode } from 'react';

type FieldProps = {
  name: string;
  label: string;
  /** Prefix for element ids when one page has several forms with the same field names. */
  idPrefix?: string;
  errors?: string[];
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

/** A labelled input with its hint and its errors next to it, wired up for screen readers. */
export function TextField({ name, label, idPrefix = '', errors, hint, ...input }: FieldProps) {
  const id = `${idPrefix}${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={`field${errorId ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {errorId && (
        <p className="field__error" id={errorId}>
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}

/** The outcome of a form: a refusal or a confirmation, announced to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return (
    <p className={state.ok ? 'form-message form-message--ok' : 'form-message form-message--error'} role="status">
      {state.message}
    </p>
  );
}
