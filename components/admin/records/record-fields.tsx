import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldErrors } from '@/lib/validation/field-errors';

export { TextField } from '../form-field';

type Common = { name: string; label: string; idPrefix: string; errors?: string[]; hint?: ReactNode; wide?: boolean };

function describedBy(id: string, hint: ReactNode, errors?: string[]) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Hint({ id, hint }: { id?: string; hint: ReactNode }) {
  return hint ? (
    <p className="field__hint" id={id}>
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, errors }: { id?: string; errors?: string[] }) {
  return id && errors?.length ? (
    <p className="field__error" id={id}>
      {errors.join(' ')}
    </p>
  ) : null;
}

/** A labelled textarea with its hint and errors, like TextField. */
export function TextAreaField({
  name,
  label,
  idPrefix,
  errors,
  hint,
  wide,
  ...rest
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  const id = `${idPrefix}${name}`;
  const { hintId, errorId, describedBy: by } = describedBy(id, hint, errors);
  return (
    <div className={`field${wide ? ' field--wide' : ''}${errorId ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId} hint={hint} />
      <textarea id={id} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={by} {...rest} />
      <ErrorText id={errorId} errors={errors} />
    </div>
  );
}

/** A labelled select with its hint and errors. */
export function SelectField({
  name,
  label,
  idPrefix,
  errors,
  hint,
  options,
  ...rest
}: Common & { options: { value: string; label: string }[] } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    'name' | 'id'
  >) {
  const id = `${idPrefix}${name}`;
  const { hintId, errorId, describedBy: by } = describedBy(id, hint, errors);
  return (
    <div className={`field${errorId ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId} hint={hint} />
      <select id={id} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={by} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={errorId} errors={errors} />
    </div>
  );
}

/** A group of radio buttons: a fieldset whose legend names the choice. */
export function RadioField({
  name,
  label,
  idPrefix,
  errors,
  hint,
  options,
  defaultValue,
}: Common & { options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = `${idPrefix}${name}`;
  const { hintId, errorId, describedBy: by } = describedBy(id, hint, errors);
  return (
    <fieldset className={`field${errorId ? ' field--invalid' : ''}`} aria-describedby={by} id={id} tabIndex={-1}>
      <legend>{label}</legend>
      <Hint id={hintId} hint={hint} />
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} /> {o.label}
        </label>
      ))}
      <ErrorText id={errorId} errors={errors} />
    </fieldset>
  );
}

/**
 * Every problem at once, at the top of the form, each linking to its field; focused after a refused
 * submit so screen readers hear it. `labels` gives the fields' names in the order of the form.
 */
export function ErrorSummary({
  errors,
  labels,
  idPrefix,
  summaryRef,
}: {
  errors: FieldErrors;
  labels: Record<string, string>;
  idPrefix: string;
  summaryRef: React.RefObject<HTMLDivElement | null>;
}) {
  const fields = Object.keys(labels).filter((f) => errors[f]?.length);
  const general = [
    ...(errors[''] ?? []),
    ...Object.keys(errors)
      .filter((f) => f !== '' && !(f in labels))
      .flatMap((f) => errors[f] ?? []),
  ];
  if (fields.length === 0 && general.length === 0) return null;
  return (
    <div
      className="error-summary"
      ref={summaryRef}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${idPrefix}error-summary-heading`}
    >
      <h2 id={`${idPrefix}error-summary-heading`}>
        {fields.length + general.length === 1
          ? 'One thing to correct'
          : `${fields.length + general.length} things to correct`}
      </h2>
      <ul>
        {general.map((m) => (
          <li key={m}>{m}</li>
        ))}
        {fields.map((f) => (
          <li key={f}>
            <a href={`#${idPrefix}${f}`}>
              {labels[f]}: {errors[f]!.join(' ')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
