'use client';

import { useActionState, useState } from 'react';
import {
  importSubscribersAction,
  removeSubscriberAction,
  updateMailingSettingsAction,
} from '@/app/admin/subscribers/actions';
import { CheckboxField, FormMessage, TextAreaField, TextField } from '@/components/ui/fields';

export function ImportForm() {
  const [state, formAction, pending] = useActionState(importSubscribersAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  const [fileNote, setFileNote] = useState<string | null>(null);
  return (
    <form action={formAction} noValidate key={failed ? JSON.stringify(values) : 'fresh'}>
      <FormMessage state={state} />
      {state?.ok && state.invalid.length > 0 && (
        <ul className="import-problems" aria-label="Lines not imported">
          {state.invalid.map((p) => (
            <li key={p.line}>
              Line {p.line}: {p.reason}
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="import-file">CSV file</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            const area = document.getElementById('import-csv') as HTMLTextAreaElement | null;
            if (!file || !area) return;
            area.value = await file.text();
            setFileNote(`${file.name} loaded below.`);
          }}
        />
        {fileNote && <p className="field__hint">{fileNote}</p>}
      </div>
      <TextAreaField
        name="csv"
        id="import-csv"
        label="Or paste it"
        hint="Columns: email, name, organisation (in that order, or named in a first row). Addresses already on the list are left as they are."
        rows={6}
        defaultValue={values.csv}
        errors={errors.csv}
        wide
      />
      <CheckboxField
        name="consentElsewhere"
        id="import-consent"
        label="These people already agreed to receive the bulletin (no confirmation mail)"
        defaultChecked={values.consentElsewhere === 'on'}
        errors={errors.consentElsewhere}
      />
      <TextAreaField
        name="consentNote"
        id="import-consent-note"
        label="How and when they agreed (kept with each address)"
        hint="Needed with the box above, e.g. “Signed the paper form at the Geneva conference, March 2002”."
        rows={2}
        defaultValue={values.consentNote}
        errors={errors.consentNote}
        wide
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Importing…' : 'Import'}
      </button>
    </form>
  );
}

export function RemoveSubscriberButton({ subscriberId, label }: { subscriberId: string; label: string }) {
  const [state, formAction, pending] = useActionState(removeSubscriberAction, null);
  const [asking, setAsking] = useState(false);
  if (state?.ok) return <FormMessage state={state} />;
  if (!asking)
    return (
      <button type="button" className="button button--quiet" onClick={() => setAsking(true)}>
        Remove…
      </button>
    );
  return (
    <form action={formAction} className="confirm" aria-label={`Remove ${label}`}>
      <FormMessage state={state} />
      <input type="hidden" name="subscriberId" value={subscriberId} />
      <span>Remove with all their data?</span>{' '}
      <button type="submit" className="button button--danger" disabled={pending}>
        {pending ? 'Removing…' : 'Yes, remove'}
      </button>{' '}
      <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
        Keep
      </button>
    </form>
  );
}

export function MailingSettingsForm({
  sendRatePerMinute,
  maxAttempts,
}: {
  sendRatePerMinute: number;
  maxAttempts: number;
}) {
  const [state, formAction, pending] = useActionState(updateMailingSettingsAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <div className="form-row">
        <TextField
          name="sendRatePerMinute"
          label="Messages per minute"
          type="number"
          min={1}
          max={100000}
          defaultValue={failed?.values.sendRatePerMinute ?? String(sendRatePerMinute)}
          errors={errors.sendRatePerMinute}
          hint="For the whole site, however many instances send."
        />
        <TextField
          name="maxAttempts"
          label="Attempts per message"
          type="number"
          min={1}
          max={50}
          defaultValue={failed?.values.maxAttempts ?? String(maxAttempts)}
          errors={errors.maxAttempts}
          hint="After a temporary refusal, tried again after 1, 2, 4… minutes."
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
