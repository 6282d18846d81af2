'use client';

import { useActionState, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ActionResult, ActionState } from '@/lib/actions/action';
import { recordKinds } from '@/lib/records/kinds';
import {
  emptyValues,
  fieldLabels,
  recordIdField,
  type RecordConflict,
  type RecordField,
  type RecordKey,
} from '@/lib/records/record-kind';
import { ErrorSummary, FormMessage } from '@/components/ui/fields';
import { SaveConflict, type ConflictRow } from '@/components/admin/save-conflict';
import { RecordFieldList } from './record-field-list';
import { useSchemaForm } from '@/components/ui/use-schema-form';

/** The kind's create or update action, as the record's pages hand it to the form. */
export type FormAction = (prev: unknown, input: FormData) => Promise<ActionResult>;

/** A field's value as a person reads it: the option's label for a choice. */
function shownValue(field: RecordField, value: string): string {
  return field.options?.find((o) => o.value === value)?.label ?? value;
}

/** The fields where their saved record and what this person typed differ. */
function conflictRows(
  fields: readonly RecordField[],
  theirs: Record<string, string>,
  mine: Record<string, string>,
): ConflictRow[] {
  return fields
    .filter((f) => (theirs[f.name] ?? '') !== (mine[f.name] ?? ''))
    .map((f) => ({
      field: f.name,
      label: f.label,
      theirs: shownValue(f, theirs[f.name] ?? ''),
      mine: shownValue(f, mine[f.name] ?? ''),
    }));
}

/**
 * Add a record (anyone signed in) or change one (editors; the server checks again), for any record
 * kind. Every field is checked in the browser by the kind's schema, the one the server action parses
 * with. `action` is the kind's create or update action (app/admin/<kind>/actions.ts).
 *
 * Editing sends the version the page loaded. When someone else saved first, the server refuses and
 * answers their values: the form keeps what was typed, shows theirs beside it, and saves over theirs
 * only when the person says so (at their version: a third save in between is caught again).
 */
export function RecordForm(
  props: { kind: RecordKey; action: FormAction } & (
    { mode: 'create' } | { mode: 'edit'; id: string; version: number; initial: Record<string, string> }
  ),
) {
  const kind = recordKinds[props.kind];
  const [state, formAction, pending] = useActionState<ActionState, FormData>(props.action, null);
  // Destructured: the refs go to the elements, everything else is plain values the render may read.
  const { formRef, summaryRef, errors, values, formKey, showSummary, formProps } = useSchemaForm(kind.schema, state);
  const failed = state && !state.ok ? state : null;
  const loadedVersion = props.mode === 'edit' ? props.version : 0;
  // The version this form saves at: the page's, or the other person's once this person chose to go on from it.
  const [adopted, setAdopted] = useState<{ version: number; theirs?: Record<string, string>; after: ActionState }>({
    version: loadedVersion,
    after: null,
  });
  const version = Math.max(adopted.version, loadedVersion);
  const conflict = failed?.code === 'conflict' && adopted.after !== state ? (failed.conflict as RecordConflict) : null;
  const tookTheirs = adopted.theirs && adopted.after === state ? adopted.theirs : null;
  const idPrefix = `${kind.key}-`;
  const base = props.mode === 'edit' ? props.initial : emptyValues(kind);
  const shown = tookTheirs ?? { ...base, ...values };

  function keepMine() {
    if (!conflict) return;
    // The hidden version must hold theirs before the form is read.
    flushSync(() => setAdopted({ version: conflict.version, after: state }));
    formRef.current?.requestSubmit();
  }

  function takeTheirs() {
    if (!conflict) return;
    setAdopted({ version: conflict.version, theirs: conflict.theirs, after: state });
  }

  return (
    <form
      {...formProps}
      key={
        tookTheirs ? `theirs:${version}` : failed ? formKey : props.mode === 'edit' ? `saved:${props.version}` : 'new'
      }
      action={formAction}
      className="record-form"
      aria-label={props.mode === 'create' ? `New ${kind.noun.one}` : `Edit ${kind.noun.one}`}
    >
      {conflict ? (
        <SaveConflict
          what={`this ${kind.noun.one}`}
          savedAt={conflict.savedAt}
          rows={conflictRows(kind.fields, conflict.theirs, failed?.values ?? {})}
          busy={pending}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      ) : tookTheirs ? (
        <p className="form-message form-message--ok" role="status">
          The form now shows their version. Change it and save, or leave it as it is.
        </p>
      ) : (
        (!failed || failed.code !== 'invalid') && <FormMessage state={state} />
      )}
      {showSummary && !tookTheirs && (
        <ErrorSummary errors={errors} labels={fieldLabels(kind)} idPrefix={idPrefix} summaryRef={summaryRef} />
      )}
      {props.mode === 'edit' && (
        <>
          <input type="hidden" name={recordIdField(kind)} value={props.id} />
          <input type="hidden" name="expectedVersion" value={String(version)} />
        </>
      )}

      <RecordFieldList fields={kind.fields} idPrefix={idPrefix} errors={tookTheirs ? {} : errors} values={shown} />

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : props.mode === 'create' ? `Add ${kind.noun.one}` : `Save ${kind.noun.one}`}
      </button>
    </form>
  );
}
