'use client';

import { useActionState } from 'react';
import { updateIssueAction } from '@/app/admin/issues/actions';
import { FormMessage, TextField } from '@/components/ui/fields';

type Props = {
  issueId: string;
  version: number;
  number: number;
  coverLabel: string;
  coverDate: string;
  numberLocked: boolean;
};

/**
 * Number, cover label and cover date, checked against the version shown: if anyone changed the issue
 * meanwhile (details, sections, order), saving is refused and says so. What was typed stays.
 */
export function IssueDetailsForm({ issueId, version, number, coverLabel, coverDate, numberLocked }: Props) {
  const [state, formAction, pending] = useActionState(updateIssueAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  return (
    <form
      action={formAction}
      noValidate
      key={failed ? JSON.stringify(values) : `v${version}`}
      aria-labelledby="details-heading"
    >
      <FormMessage state={state} />
      <input type="hidden" name="issueId" value={issueId} readOnly />
      <input type="hidden" name="version" value={version} readOnly />
      <div className="form-row">
        <TextField
          name="number"
          idPrefix="issue-"
          label="Number"
          inputMode="numeric"
          defaultValue={values.number ?? String(number)}
          errors={errors.number}
          readOnly={numberLocked}
          hint={numberLocked ? 'Part of the public address of a published issue: it stays.' : undefined}
        />
        <TextField
          name="coverLabel"
          idPrefix="issue-"
          label="Cover label"
          defaultValue={values.coverLabel ?? coverLabel}
          errors={errors.coverLabel}
          autoComplete="off"
        />
        <TextField
          name="coverDate"
          idPrefix="issue-"
          label="Cover date"
          type="date"
          defaultValue={values.coverDate ?? coverDate}
          errors={errors.coverDate}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save details'}
      </button>
    </form>
  );
}
