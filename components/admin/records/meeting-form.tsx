'use client';

import { useActionState } from 'react';
import { createMeetingAction, updateMeetingAction } from '@/app/admin/meetings/actions';
import { meetingSchema } from '@/lib/validation/meeting';
import type { ActionState } from '@/lib/actions/action';
import { ErrorSummary, FormMessage, SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import { useSchemaForm } from './use-schema-form';

/** The form's fields, as strings (what the inputs hold). */
export type MeetingFormValues = {
  name: string;
  startDate: string;
  endDate: string;
  datePrecision: string;
  city: string;
  country: string;
  organisers: string;
  participants: string;
  url: string;
};

export const EMPTY_MEETING: MeetingFormValues = {
  name: '',
  startDate: '',
  endDate: '',
  datePrecision: 'DAY',
  city: '',
  country: '',
  organisers: '',
  participants: '',
  url: '',
};

const LABELS: Record<keyof MeetingFormValues, string> = {
  name: 'Name of the meeting',
  startDate: 'Start date',
  endDate: 'End date',
  datePrecision: 'How precise the dates are',
  city: 'City',
  country: 'Country',
  organisers: 'Organisers',
  participants: 'Who took part',
  url: 'Web address',
};

const PRECISION = [
  { value: 'DAY', label: 'Exact days' },
  { value: 'MONTH', label: 'Month only (“January 2002”)' },
  { value: 'YEAR', label: 'Year only' },
];

const P = 'meeting-';

/**
 * Add a meeting (anyone signed in) or change one (editors; the server checks again). Every field is
 * checked in the browser by meetingSchema, the schema the server action parses with.
 */
export function MeetingForm(
  props: { mode: 'create' } | { mode: 'edit'; meetingId: string; version: string; initial: MeetingFormValues },
) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(
    props.mode === 'create' ? createMeetingAction : updateMeetingAction,
    null,
  );
  const form = useSchemaForm(meetingSchema, state);
  const initial = props.mode === 'edit' ? props.initial : EMPTY_MEETING;
  const v = (field: keyof MeetingFormValues) => form.values?.[field] ?? initial[field];
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
      aria-label={props.mode === 'create' ? 'New meeting' : 'Edit meeting'}
    >
      {(!failed || failed.code !== 'invalid') && <FormMessage state={state} />}
      {form.showSummary && <ErrorSummary errors={e} labels={LABELS} idPrefix={P} summaryRef={form.summaryRef} />}
      {props.mode === 'edit' && <input type="hidden" name="meetingId" value={props.meetingId} />}

      <TextField
        idPrefix={P}
        name="name"
        label={LABELS.name}
        defaultValue={v('name')}
        errors={e.name}
        required
        autoComplete="off"
      />
      <div className="form-row">
        <TextField
          idPrefix={P}
          name="startDate"
          label={LABELS.startDate}
          type="date"
          defaultValue={v('startDate')}
          errors={e.startDate}
        />
        <TextField
          idPrefix={P}
          name="endDate"
          label={LABELS.endDate}
          type="date"
          defaultValue={v('endDate')}
          errors={e.endDate}
          hint="Leave empty for a one-day meeting."
        />
        <SelectField
          idPrefix={P}
          name="datePrecision"
          label={LABELS.datePrecision}
          defaultValue={v('datePrecision')}
          errors={e.datePrecision}
          options={PRECISION}
        />
      </div>
      <div className="form-row">
        <TextField
          idPrefix={P}
          name="city"
          label={LABELS.city}
          defaultValue={v('city')}
          errors={e.city}
          autoComplete="off"
        />
        <TextField
          idPrefix={P}
          name="country"
          label={LABELS.country}
          defaultValue={v('country')}
          errors={e.country}
          autoComplete="off"
        />
      </div>
      <TextAreaField
        idPrefix={P}
        name="organisers"
        label={LABELS.organisers}
        defaultValue={v('organisers')}
        errors={e.organisers}
        wide
        rows={2}
      />
      <TextAreaField
        idPrefix={P}
        name="participants"
        label={LABELS.participants}
        defaultValue={v('participants')}
        errors={e.participants}
        wide
        rows={3}
        hint="A line on who attended: ministers, agencies, NGOs."
      />
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

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : props.mode === 'create' ? 'Add meeting' : 'Save meeting'}
      </button>
    </form>
  );
}
