'use client';

import { useActionState } from 'react';
import { updateProfileAction } from '@/app/admin/account/actions';
import { FormMessage, TextField } from '@/components/ui/fields';

export function ProfileForm({ name }: { name: string }) {
  const [state, formAction, pending] = useActionState(updateProfileAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate key={failed ? `failed-${failed.values.name}` : name}>
      <FormMessage state={state} />
      <TextField
        name="name"
        idPrefix="profile-"
        label="Your name"
        autoComplete="name"
        defaultValue={failed?.values.name ?? name}
        errors={failed?.fieldErrors.name}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        Save name
      </button>
    </form>
  );
}
