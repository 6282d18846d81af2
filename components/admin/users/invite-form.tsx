'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { inviteUserAction } from '@/app/admin/users/actions';
import { roleLabel } from '@/lib/format/labels';
import { FormMessage, SelectField, TextField } from '@/components/ui/fields';

const ROLES = ['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const;

export function InviteForm({ smtp }: { smtp: boolean }) {
  const [state, formAction, pending] = useActionState(inviteUserAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  return (
    // key: after a refusal the form is drawn again with what was typed (React resets forms after an action).
    <form
      action={formAction}
      noValidate
      key={failed ? JSON.stringify(values) : 'fresh'}
      aria-labelledby="invite-heading"
    >
      <FormMessage state={state} />
      {state?.ok && !smtp && (
        <p className="muted">
          <Link href="/admin/outbox">Open the outbox</Link> to copy the link.
        </p>
      )}
      <div className="form-row">
        <TextField
          name="name"
          idPrefix="invite-"
          label="Name"
          autoComplete="off"
          defaultValue={values.name}
          errors={errors.name}
          required
        />
        <TextField
          name="email"
          idPrefix="invite-"
          label="E-mail address"
          type="email"
          autoComplete="off"
          defaultValue={values.email}
          errors={errors.email}
          required
        />
        <SelectField
          name="role"
          idPrefix="invite-"
          label="Role"
          defaultValue={values.role ?? 'CONTRIBUTOR'}
          errors={errors.role}
          options={ROLES.map((r) => ({ value: r, label: roleLabel[r] }))}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Inviting…' : 'Send invitation'}
      </button>
    </form>
  );
}
