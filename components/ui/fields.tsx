import type { InputHTMLAttributes, ReactNode, RefObject, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldErrors } from '@/lib/validation/field-errors';

/**
 * The one field kit of every form, back office and public: a label, an optional hint and every error
 * next to the control, tied to it with `aria-describedby` and `aria-invalid`. A field's element id is
 * `id`, or `idPrefix + name` (a page with several forms of the same field names gives each a prefix);
 * its hint is `<id>-hint` and its error `<id>-error`, which ErrorSummary links to and tests look for.
 */

export type Option = { value: string; label: string };

type FieldFrame = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  /** Spans the whole row of a two-column form. */
  wide?: boolean;
  className?: string;
};

type Identity = { name?: string; id?: string; idPrefix?: string };

/** Joins the ids that describe a control, leaving out the missing ones. */
export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

function fieldId({ id, idPrefix = '', name }: Identity): string {
  const resolved = id ?? (name ? `${idPrefix}${name}` : undefined);
  if (!resolved) throw new Error('A field needs an id or a name');
  return resolved;
}

function frameClass(base: string, { wide, className }: FieldFrame, invalid: boolean): string {
  return [base, wide && 'field--wide', invalid && 'field--invalid', className].filter(Boolean).join(' ');
}

/** The ids and ARIA attributes of one control. */
function controlIds(identity: Identity, frame: FieldFrame) {
  const id = fieldId(identity);
  const hintId = frame.hint ? `${id}-hint` : undefined;
  const errorId = frame.errors?.length ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    aria: { 'aria-invalid': errorId ? (true as const) : undefined, 'aria-describedby': describedBy(hintId, errorId) },
  };
}

/** A field's errors, as one paragraph with the id its control points at. Nothing when there are none. */
export function FieldError({ id, errors }: { id: string; errors: readonly string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p className="field__error" id={id}>
      {errors.join(' ')}
    </p>
  );
}

function Hint({ id, hint }: { id?: string; hint: ReactNode }) {
  return hint ? (
    <p className="field__hint" id={id}>
      {hint}
    </p>
  ) : null;
}

/** A field's props taken apart: its frame, its ids and ARIA attributes, and what goes on the control. */
function fieldParts<P extends Identity & FieldFrame>(props: P) {
  const { name, id, idPrefix, label, hint, errors, wide, className, ...control } = props;
  const frame = { label, hint, errors, wide, className };
  return { frame, ids: controlIds({ name, id, idPrefix }, frame), name, control };
}

/** Label, hint, the control and its errors, in the frame every single-control field shares. */
function Frame({
  ids,
  frame,
  children,
}: {
  ids: ReturnType<typeof controlIds>;
  frame: FieldFrame;
  children: ReactNode;
}) {
  return (
    <div className={frameClass('field', frame, !!ids.errorId)}>
      <label htmlFor={ids.id}>{frame.label}</label>
      <Hint id={ids.hintId} hint={frame.hint} />
      {children}
      <FieldError id={`${ids.id}-error`} errors={frame.errors} />
    </div>
  );
}

/** A labelled `<input>` (text, e-mail, date, url, number, password…). */
export function TextField(props: Identity & FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const { frame, ids, name, control } = fieldParts(props);
  return (
    <Frame ids={ids} frame={frame}>
      <input id={ids.id} name={name} {...ids.aria} {...control} />
    </Frame>
  );
}

/** A labelled `<textarea>`. */
export function TextAreaField(
  props: Identity & FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>,
) {
  const { frame, ids, name, control } = fieldParts(props);
  return (
    <Frame ids={ids} frame={frame}>
      <textarea id={ids.id} name={name} {...ids.aria} {...control} />
    </Frame>
  );
}

/** A labelled `<select>` over a list of options (or `<option>` children, for grouped lists). */
export function SelectField(
  props: Identity &
    FieldFrame & { options?: readonly Option[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>,
) {
  const { frame, ids, name, control } = fieldParts(props);
  const { options, children, ...select } = control;
  return (
    <Frame ids={ids} frame={frame}>
      <select id={ids.id} name={name} {...ids.aria} {...select}>
        {options
          ? options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
          : children}
      </select>
    </Frame>
  );
}

/** A group of radio buttons: a fieldset whose legend names the choice (focusable, for ErrorSummary's link). */
export function RadioField({
  name,
  id,
  idPrefix,
  label,
  hint,
  errors,
  wide,
  className,
  options,
  defaultValue,
}: Identity & FieldFrame & { name: string; options: readonly Option[]; defaultValue?: string }) {
  const ids = controlIds({ name, id, idPrefix }, { label, hint, errors });
  return (
    <fieldset
      className={frameClass('field', { label, wide, className }, !!ids.errorId)}
      aria-describedby={ids.aria['aria-describedby']}
      id={ids.id}
      tabIndex={-1}
    >
      <legend>{label}</legend>
      <Hint id={ids.hintId} hint={hint} />
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} /> {o.label}
        </label>
      ))}
      <FieldError id={`${ids.id}-error`} errors={errors} />
    </fieldset>
  );
}

/** A single checkbox with its label beside it (consent, "send a test", "I collected consent elsewhere"). */
export function CheckboxField({
  name,
  id,
  idPrefix,
  label,
  hint,
  errors,
  wide,
  className,
  ...input
}: Identity & FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'>) {
  const ids = controlIds({ name, id, idPrefix }, { label, hint, errors });
  return (
    <div className={frameClass('field field--checkbox', { label, wide, className }, !!ids.errorId)}>
      <label htmlFor={ids.id} className="choice">
        <input type="checkbox" id={ids.id} name={name} {...ids.aria} {...input} /> {label}
      </label>
      <Hint id={ids.hintId} hint={hint} />
      <FieldError id={`${ids.id}-error`} errors={errors} />
    </div>
  );
}

/**
 * Every problem at once, at the top of the form, each linking to its field; focused after a refused
 * submit so screen readers hear it. `labels` gives the fields' names in the order of the form; errors
 * of fields it does not name (and the form's own, under '') are listed first, unlinked.
 */
export function ErrorSummary({
  errors,
  labels,
  idPrefix = '',
  summaryRef,
}: {
  errors: FieldErrors;
  labels: Record<string, string>;
  idPrefix?: string;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  const fields = Object.keys(labels).filter((f) => errors[f]?.length);
  const general = [
    ...(errors[''] ?? []),
    ...Object.keys(errors)
      .filter((f) => f !== '' && !(f in labels))
      .flatMap((f) => errors[f] ?? []),
  ];
  if (fields.length === 0 && general.length === 0) return null;
  const count = fields.length + general.length;
  return (
    <div
      className="error-summary"
      ref={summaryRef}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${idPrefix}error-summary-heading`}
    >
      <h2 id={`${idPrefix}error-summary-heading`}>
        {count === 1 ? 'One thing to correct' : `${count} things to correct`}
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

/** The outcome of a form: a refusal or a confirmation, announced to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return (
    <p className={state.ok ? 'form-message form-message--ok' : 'form-message form-message--error'} role="status">
      {state.message}
    </p>
  );
}
