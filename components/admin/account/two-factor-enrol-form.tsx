'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { confirmTwoFactorAction } from '@/app/(auth)/two-factor/actions';
import { confirmTwoFactorSchema } from '@/lib/validation/two-factor';
import { ErrorSummary, FormMessage, TextField } from '@/components/ui/fields';
import { useSchemaForm } from '@/components/ui/use-schema-form';

/** The first code confirms enrolment; the answer shows the ten recovery codes, once. */
export function TwoFactorEnrolForm() {
  const [state, formAction, pending] = useActionState(confirmTwoFactorAction, null);
  const { summaryRef, errors, values, formKey, showSummary, formProps } = useSchemaForm(confirmTwoFactorSchema, state);
  if (state?.ok) {
    return (
      <section aria-labelledby="recovery-heading">
        <p className="form-message form-message--ok" role="status">
          Two-factor sign-in is on.
        </p>
        <h2 id="recovery-heading">Your recovery codes</h2>
        <p>
          Each works once, instead of a code from your app, if you lose your phone. Keep them somewhere safe: they are
          shown only now.
        </p>
        <ul className="recovery-codes" data-testid="recovery-codes">
          {state.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link className="button" href="/admin">
            I have saved them: continue
          </Link>
        </p>
      </section>
    );
  }
  return (
    <form {...formProps} key={formKey} action={formAction} aria-label="Confirm two-factor sign-in">
      <FormMessage state={state} />
      {showSummary && <ErrorSummary errors={errors} labels={{ code: 'Code' }} summaryRef={summaryRef} />}
      <TextField
        name="code"
        label="Code from your app"
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        defaultValue={values?.code ?? ''}
        errors={errors.code}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        Turn on two-factor sign-in
      </button>
    </form>
  );
}
