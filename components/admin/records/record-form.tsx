'use client';

import { useActionState } from 'react';
import type { ActionResult, ActionState } from '@/lib/actions/action';
import { recordKinds } from '@/lib/records/kinds';
import { emptyValues, fieldLabels, recordIdField, type RecordKey } from '@/lib/records/record-kind';
import { ErrorSummary, FormMessage } from '@/components/ui/fields';
import { RecordFieldList } from './record-field-list';
import { useSchemaForm } from '@/components/ui/use-schema-form';

/** The kind's create or update action, as the record's pages hand it to the form. */
export type FormAction = (prev: unknown, input: FormData) => Promise<ActionResult>;

/**
 * Add a record (anyone signed in) or change one (editors; the server checks again), for any record
 * kind. Every field is checked in the browser by the kind's schema, the one the server action parses
 * with. `action` is the kind's create or update action (app/admin/<kind>/actions.ts).
 */
export function RecordForm(
  props: { kind: RecordKey; action: FormAction } & (
    { mode: 'create' } | { mode: 'edit'; id: string; version: string; initial: Record<string, string> }
  ),
) {
  const kind = recordKinds[props.kind];
  const [state, formAction, pending] = useActionState<ActionState, FormData>(props.action, null);
  // Destructured: the refs go to the elements, everything else is plain values the render may read.
  const { formRef, summaryRef, errors, values, formKey, showSummary, onSubmit, onBlur, onChange } = useSchemaForm(
    kind.schema,
    state,
  );
  const failed = state && !state.ok ? state : null;
  const idPrefix = `${kind.key}-`;
  return (
    <form
      ref={formRef}
      key={failed ? formKey : props.mode === 'edit' ? `saved:${props.version}` : 'new'}
      action={formAction}
      onSubmit={onSubmit}
      onBlur={onBlur}
      onChange={onChange}
      noValidate
      className="record-form"
      aria-label={props.mode === 'create' ? `New ${kind.noun.one}` : `Edit ${kind.noun.one}`}
    >
      {(!failed || failed.code !== 'invalid') && <FormMessage state={state} />}
      {showSummary && (
        <ErrorSummary errors={errors} labels={fieldLabels(kind)} idPrefix={idPrefix} summaryRef={summaryRef} />
      )}
      {props.mode === 'edit' && <input type="hidden" name={recordIdField(kind)} value={props.id} />}

      <RecordFieldList
        fields={kind.fields}
        idPrefix={idPrefix}
        errors={errors}
        values={{ ...(props.mode === 'edit' ? props.initial : emptyValues(kind)), ...values }}
      />

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : props.mode === 'create' ? `Add ${kind.noun.one}` : `Save ${kind.noun.one}`}
      </button>
    </form>
  );
}
