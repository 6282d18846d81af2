'use client';

import { useActionState } from 'react';
import { changePasswordAction } from '@/app/admin/account/actions';
import { FormMessage, TextField } from '@/components/ui/fields';
import { NewPasswordHint } from '../new-password-hint';

export function PasswordForm() {
  const [state, formAction, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={errors.currentPassword}
        required
      />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={<NewPasswordHint />}
        errors={errors.password}
        required
      />
      <TextField
        name="confirmPassword"
        label="The new password again"
        type="password"
        autoComplete="new-password"
        errors={errors.confirmPassword}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
