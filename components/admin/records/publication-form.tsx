'use client';

import { useActionState } from 'react';
import { Availability, PublicationKind } from '@/generated/prisma/enums';
import { createPublicationAction, updatePublicationAction } from '@/app/admin/publications/actions';
import { publicationKindLabel } from '@/lib/format/labels';
import { publicationSchema } from '@/lib/validation/publication';
import type { ActionState } from '@/lib/actions/action';
import { ErrorSummary, FormMessage, RadioField, SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import { useSchemaForm } from './use-schema-form';

export type PublicationFormValues = {
  title: string;
  authors: string;
  issuingBody: string;
  date: string;
  datePrecision: string;
  kind: string;
  availability: string;
  url: string;
  isbn: string;
};

export const EMPTY_PUBLICATION: PublicationFormValues = {
  title: '',
  authors: '',
  issuingBody: '',
  date: '',
  datePrecision: 'DAY',
  kind: 'RESEARCH_REPORT',
  availability: 'PUBLISHED',
  url: '',
  isbn: '',
};

const LABELS: Record<keyof PublicationFormValues, string> = {
  title: 'Title',
  authors: 'Authors',
  issuingBody: 'Issuing body',
  date: 'Date',
  datePrecision: 'How precise the date is',
  kind: 'Kind of publication',
  availability: 'Availability',
  url: 'Web address',
  isbn: 'ISBN',
};

const PRECISION = [
  { value: 'DAY', label: 'Exact day' },
  { value: 'MONTH', label: 'Month only' },
  { value: 'YEAR', label: 'Year only' },
];
const KINDS = Object.values(PublicationKind).map((k) => ({ value: k, label: publicationKindLabel[k] }));
const AVAILABILITY = Object.values(Availability).map((a) => ({
  value: a,
  label: a === 'FORTHCOMING' ? 'Forthcoming (to be released)' : 'Available',
}));

const P = 'publication-';

/**
 * Add a publication (anyone signed in) or change one (editors; the server checks again). Every field
 * is checked in the browser by publicationSchema (ISBN checksum included), as on the server.
 */
export function PublicationForm(
  props: { mode: 'create' } | { mode: 'edit'; publicationId: string; version: string; initial: PublicationFormValues },
) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(
    props.mode === 'create' ? createPublicationAction : updatePublicationAction,
    null,
  );
  const form = useSchemaForm(publicationSchema, state);
  const initial = props.mode === 'edit' ? props.initial : EMPTY_PUBLICATION;
  const v = (field: keyof PublicationFormValues) => form.values?.[field] ?? initial[field];
  const e = form.errors;
  const failed = state && !state.ok ? state : null;
  return (
    <form
      ref={form.formRef}
      key={failed ? form.formKey : props.mode === 'edit' ? `saved:${props.version}` : 'new'}
      action={formAction}
      onSubmit={form.onSubmit}
      onBlur={form.onBlur}
      onChange={form.onChange}
      noValidate
      className="record-form"
      aria-label={props.mode === 'create' ? 'New publication' : 'Edit publication'}
    >
      {(!failed || failed.code !== 'invalid') && <FormMessage state={state} />}
      {form.showSummary && <ErrorSummary errors={e} labels={LABELS} idPrefix={P} summaryRef={form.summaryRef} />}
      {props.mode === 'edit' && <input type="hidden" name="publicationId" value={props.publicationId} />}

      <TextAreaField
        idPrefix={P}
        name="title"
        label={LABELS.title}
        defaultValue={v('title')}
        errors={e.title}
        wide
        rows={2}
        required
      />
      <TextField
        idPrefix={P}
        name="authors"
        label={LABELS.authors}
        defaultValue={v('authors')}
        errors={e.authors}
        autoComplete="off"
      />
      <TextField
        idPrefix={P}
        name="issuingBody"
        label={LABELS.issuingBody}
        defaultValue={v('issuingBody')}
        errors={e.issuingBody}
        hint="The government, organisation or publisher behind it."
        autoComplete="off"
      />
      <div className="form-row">
        <TextField idPrefix={P} name="date" label={LABELS.date} type="date" defaultValue={v('date')} errors={e.date} />
        <SelectField
          idPrefix={P}
          name="datePrecision"
          label={LABELS.datePrecision}
          defaultValue={v('datePrecision')}
          errors={e.datePrecision}
          options={PRECISION}
        />
        <SelectField
          idPrefix={P}
          name="kind"
          label={LABELS.kind}
          defaultValue={v('kind')}
          errors={e.kind}
          options={KINDS}
        />
      </div>
      <RadioField
        idPrefix={P}
        name="availability"
        label={LABELS.availability}
        defaultValue={v('availability')}
        errors={e.availability}
        options={AVAILABILITY}
      />
      <div className="form-row">
        <TextField
          idPrefix={P}
          name="url"
          label={LABELS.url}
          type="url"
          defaultValue={v('url')}
          errors={e.url}
          hint="Starting with http:// or https://."
          autoComplete="off"
        />
        <TextField
          idPrefix={P}
          name="isbn"
          label={LABELS.isbn}
          defaultValue={v('isbn')}
          errors={e.isbn}
          hint="ISBN-10 or ISBN-13; hyphens are fine."
          autoComplete="off"
          inputMode="text"
        />
      </div>

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : props.mode === 'create' ? 'Add publication' : 'Save publication'}
      </button>
    </form>
  );
}
