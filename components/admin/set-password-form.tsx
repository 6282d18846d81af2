'use client';

import { useActionState } from 'react';
import { setPasswordAction } from '@/app/(auth)/set-password/actions';
import { FormMessage, TextField } from '@/components/ui/fields';
import { NewPasswordHint } from './new-password-hint';

export function SetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(setPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        hint={<NewPasswordHint />}
        required
      />
      <TextField
        name="confirmPassword"
        label="The same password again"
        type="password"
        autoComplete="new-password"
        errors={errors.confirmPassword}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Set password'}
      </button>
    </form>
  );
}
