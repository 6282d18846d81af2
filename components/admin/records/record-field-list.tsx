import type { ChangeEvent } from 'react';
import type { FieldErrors } from '@/lib/validation/field-errors';
import type { RecordField } from '@/lib/records/record-kind';
import { RadioField, SelectField, TextAreaField, TextField } from '@/components/ui/fields';

type Binding =
  /** The record's own form: uncontrolled inputs, read with FormData. */
  | { values: Record<string, string> }
  /** The item form's compact "New …" form: controlled inputs. */
  | { values: Record<string, string>; onChange: (name: string, value: string) => void };

type ControlEvent = ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

/**
 * A record kind's field list through the one field kit (components/ui/fields.tsx). `compact` is the
 * item form's inline "New …" form: its own wording where the kind gives one, selects for choices, one
 * field a line, nothing `required` (it sits inside the item's <form>, which must still submit).
 */
export function RecordFieldList({
  fields,
  idPrefix,
  errors,
  compact = false,
  ...binding
}: { fields: readonly RecordField[]; idPrefix: string; errors: FieldErrors; compact?: boolean } & Binding) {
  const one = (field: RecordField) => {
    const short = compact ? (field.compact ?? {}) : undefined;
    const name = field.name;
    const label = short?.label ?? field.label;
    const hint = short && 'hint' in short ? (short.hint ?? undefined) : field.hint;
    const options = short?.options ?? field.options ?? [];
    const control = short ? (short.control ?? (field.control === 'radio' ? 'select' : field.control)) : field.control;
    const required = !compact && field.required;
    const value = binding.values[name] ?? '';
    const bound =
      'onChange' in binding
        ? { value, onChange: (e: ControlEvent) => binding.onChange(name, e.target.value) }
        : { defaultValue: value };
    // The compact form's controls carry no `name`: they sit inside the item's <form>, whose fields they must not join.
    const common = { id: `${idPrefix}${name}`, name: compact ? undefined : name, label, hint, errors: errors[name] };
    switch (control) {
      case 'select':
        return <SelectField key={name} {...common} {...bound} options={options} />;
      case 'radio':
        return <RadioField key={name} {...common} name={name} defaultValue={value} options={options} />;
      case 'textarea':
        return (
          <TextAreaField key={name} {...common} {...bound} wide rows={compact ? 2 : field.rows} required={required} />
        );
      default:
        return (
          <TextField
            key={name}
            {...common}
            {...bound}
            type={control ?? 'text'}
            autoComplete="off"
            required={required}
          />
        );
    }
  };

  if (compact) return <>{fields.map(one)}</>;
  // Neighbouring fields with the same `row` share a line.
  const lines: RecordField[][] = [];
  for (const field of fields) {
    const last = lines[lines.length - 1];
    if (field.row && last?.[0]?.row === field.row) last.push(field);
    else lines.push([field]);
  }
  return (
    <>
      {lines.map((line) =>
        line[0]?.row ? (
          <div className="form-row" key={line[0].name}>
            {line.map(one)}
          </div>
        ) : (
          line.map(one)
        ),
      )}
    </>
  );
}
