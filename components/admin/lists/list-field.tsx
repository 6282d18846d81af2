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
  children: React.ReactNode;
}) {
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        {children}
      </select>
    </div>
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
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={value ?? ''}
        maxLength={200}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
    </div>
  );
}
