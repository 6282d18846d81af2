'use client';

import { useActionState } from 'react';
import { signOutEverywhereAction } from '@/app/admin/account/actions';
import { FormMessage } from '@/components/ui/fields';

export function SignOutEverywhereForm() {
  const [state, formAction, pending] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <button type="submit" className="button button--quiet" disabled={pending}>
        Sign out everywhere
      </button>
    </form>
  );
}
