'use client';

import './contribute-form.css';
import { useActionState } from 'react';
import type { ActionResult, ActionState } from '@/lib/actions/action';
import { HONEYPOT_FIELD } from '@/lib/contributions/limits';
import {
  CONTRIBUTION_KINDS,
  contributionFieldLabels,
  contributionKindLabels,
  LIMITS,
} from '@/lib/validation/contribution-fields';
import { CheckboxField, ErrorSummary, FormMessage, RadioField, TextAreaField, TextField } from '@/components/ui/fields';
import { useSchemaForm } from '@/components/ui/use-schema-form';

// The schema, and zod with it, arrive when the reader first focuses a field (see useSchemaForm).
const loadContributionSchema = () => import('@/lib/validation/contribution').then((m) => m.contributionSchema);

type Props = { action: (prev: unknown, input: FormData) => Promise<ActionResult>; formToken: string };

/**
 * The reader's contribution form. A plain form posting to the server action, so it works with
 * JavaScript off (the page comes back with every value and every error); with JavaScript, the same zod
 * schema checks each field as it is left. The schema (and zod with it) is loaded when the reader first
 * focuses a field, not with the page (the public JavaScript budget).
 */
export function ContributeForm({ action, formToken }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const { summaryRef, errors, values, formKey, showSummary, formProps } = useSchemaForm(loadContributionSchema, state);
  const failed = state && !state.ok ? state : null;
  const v = (name: string) => values?.[name] ?? '';
  return (
    <form {...formProps} key={formKey} action={formAction} className="contribute-form" aria-label="Send a contribution">
      {(!failed || failed.code !== 'invalid') && <FormMessage state={state} />}
      {(showSummary || failed) && (
        <ErrorSummary errors={errors} labels={contributionFieldLabels} summaryRef={summaryRef} />
      )}
      <input type="hidden" name="formToken" value={formToken} />
      <div className="contribute-form__trap" aria-hidden="true">
        <label htmlFor={HONEYPOT_FIELD}>Leave this empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <fieldset className="contribute-form__group">
        <legend>About you</legend>
        <TextField
          name="name"
          label="Your name"
          autoComplete="name"
          maxLength={LIMITS.name}
          errors={errors.name}
          defaultValue={v('name')}
        />
        <TextField
          name="email"
          type="email"
          label="Your e-mail address"
          hint="For our acknowledgement and an editor's reply; never published."
          autoComplete="email"
          maxLength={LIMITS.email}
          errors={errors.email}
          defaultValue={v('email')}
        />
        <TextField
          name="organisation"
          label="Organisation (optional)"
          autoComplete="organization"
          maxLength={LIMITS.organisation}
          errors={errors.organisation}
          defaultValue={v('organisation')}
        />
        <CheckboxField
          name="anonymous"
          label="Do not name me in the bulletin"
          hint="Without this, a published item based on your message credits you (name, organisation, date)."
          errors={errors.anonymous}
          defaultChecked={v('anonymous') === 'on'}
        />
      </fieldset>

      <RadioField
        name="kind"
        label="What you are sending"
        options={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: contributionKindLabels[k] }))}
        errors={errors.kind}
        defaultValue={v('kind')}
      />
      <TextField
        name="subject"
        label="Subject"
        maxLength={LIMITS.subject}
        errors={errors.subject}
        defaultValue={v('subject')}
      />
      <TextAreaField
        name="message"
        label="Your message"
        rows={10}
        maxLength={LIMITS.message}
        errors={errors.message}
        defaultValue={v('message')}
      />
      <TextField
        name="link"
        type="url"
        label="A link (optional)"
        hint="A web page with more, starting with https://"
        maxLength={LIMITS.link}
        errors={errors.link}
        defaultValue={v('link')}
      />

      <fieldset className="contribute-form__group">
        <legend>For a meeting only</legend>
        <TextField
          name="meetingStart"
          type="date"
          label="Meeting starts"
          errors={errors.meetingStart}
          defaultValue={v('meetingStart')}
        />
        <TextField
          name="meetingEnd"
          type="date"
          label="Meeting ends"
          errors={errors.meetingEnd}
          defaultValue={v('meetingEnd')}
        />
        <TextField
          name="meetingCity"
          label="City"
          maxLength={LIMITS.place}
          errors={errors.meetingCity}
          defaultValue={v('meetingCity')}
        />
        <TextField
          name="meetingCountry"
          label="Country"
          maxLength={LIMITS.place}
          errors={errors.meetingCountry}
          defaultValue={v('meetingCountry')}
        />
      </fieldset>

      <fieldset className="contribute-form__group">
        <legend>For a publication only</legend>
        <TextField
          name="issuingBody"
          label="Issued by"
          hint="The government, organisation or publisher."
          maxLength={LIMITS.issuingBody}
          errors={errors.issuingBody}
          defaultValue={v('issuingBody')}
        />
        <RadioField
          name="availability"
          label="Availability"
          options={[
            { value: 'PUBLISHED', label: 'Published' },
            { value: 'FORTHCOMING', label: 'Forthcoming (to be released)' },
          ]}
          errors={errors.availability}
          defaultValue={v('availability') || 'PUBLISHED'}
        />
      </fieldset>

      <CheckboxField
        name="consent"
        label="The editors may keep and read my message, my name and my e-mail address to prepare the bulletin and to reply to me."
        hint="Declined messages are deleted after a set time (90 days unless the editors changed it); an editor can erase your name and e-mail address at your request."
        errors={errors.consent}
        defaultChecked={v('consent') === 'on'}
      />

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : 'Send to the editors'}
      </button>
    </form>
  );
}
