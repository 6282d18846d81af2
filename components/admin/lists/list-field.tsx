import type { ReactNode } from 'react';
import { SelectField, TextField } from '@/components/ui/fields';

/** A labelled select for a list's filter form (GET: the value goes into the URL). */
export function FilterSelect({
  name,
  label,
  value,
  children,
}: {
  name: string;
  label: string;
  value: string | undefined;
  children: ReactNode;
}) {
  return (
    <SelectField id={`filter-${name}`} name={name} label={label} defaultValue={value ?? ''}>
      {children}
    </SelectField>
  );
}

/** A labelled search box for a list's filter form. */
export function FilterSearch({
  name = 'q',
  label,
  value,
  hint,
}: {
  name?: string;
  label: string;
  value: string | undefined;
  hint?: string;
}) {
  return (
    <TextField
      id={`filter-${name}`}
      name={name}
      label={label}
      hint={hint}
      type="search"
      defaultValue={value ?? ''}
      maxLength={200}
    />
  );
}
