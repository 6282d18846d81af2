'use client';

import { useActionState } from 'react';
import { requestPasswordRecoveryAction } from '@/app/(auth)/forgot-password/actions';
import { forgotPasswordSchema } from '@/lib/validation/accounts';
import { ErrorSummary, FormMessage, TextField } from '@/components/ui/fields';
import { useSchemaForm } from '@/components/ui/use-schema-form';

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(requestPasswordRecoveryAction, null);
  const { summaryRef, errors, values, formKey, showSummary, formProps } = useSchemaForm(forgotPasswordSchema, state);
  return (
    <form {...formProps} key={formKey} action={formAction} aria-label="Ask for a password link">
      <FormMessage state={state} />
      {showSummary && <ErrorSummary errors={errors} labels={{ email: 'E-mail address' }} summaryRef={summaryRef} />}
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        defaultValue={values?.email ?? ''}
        errors={errors.email}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : 'Send me a link'}
      </button>
    </form>
  );
}
