'use client';

import { useActionState } from 'react';
import { createIssueAction } from '@/app/admin/issues/actions';
import { FormMessage, TextField } from '@/components/ui/fields';

/** Number (the next one proposed), cover label, cover date. Refusals keep what was typed, errors by their fields. */
export function NewIssueForm({ suggestedNumber }: { suggestedNumber: number }) {
  const [state, formAction, pending] = useActionState(createIssueAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  return (
    <form
      action={formAction}
      noValidate
      key={failed ? JSON.stringify(values) : `fresh-${suggestedNumber}`}
      aria-labelledby="new-issue-heading"
    >
      <FormMessage state={failed} />
      <div className="form-row">
        <TextField
          name="number"
          idPrefix="new-issue-"
          label="Number"
          inputMode="numeric"
          defaultValue={values.number ?? String(suggestedNumber)}
          errors={errors.number}
          hint="The next number is proposed."
          required
        />
        <TextField
          name="coverLabel"
          idPrefix="new-issue-"
          label="Cover label"
          defaultValue={values.coverLabel}
          errors={errors.coverLabel}
          hint="Such as “Summer 2002”; it may wait."
          autoComplete="off"
        />
        <TextField
          name="coverDate"
          idPrefix="new-issue-"
          label="Cover date"
          type="date"
          defaultValue={values.coverDate}
          errors={errors.coverDate}
          hint="Optional."
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating…' : 'Create issue'}
      </button>
    </form>
  );
}
