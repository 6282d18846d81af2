'use client';

import { useActionState, useState } from 'react';
import { useFormStatus } from 'react-dom';
import type { Role, UserStatus } from '@/generated/prisma/enums';
import {
  changeRoleAction,
  deactivateUserAction,
  issuePasswordResetAction,
  reactivateUserAction,
  resendInvitationAction,
  resetTwoFactorAction,
  revokeInvitationAction,
} from '@/app/admin/users/actions';
import type { ActionResult } from '@/lib/actions/action';
import { roleLabel } from '@/lib/format/labels';

/** What a row needs to know; no more of the account reaches the browser. */
export type UserRowDto = {
  id: string;
  name: string;
  role: Role;
  status: UserStatus;
  isSelf: boolean;
  /** Signs in with a second factor (an admin can reset it). */
  twoFactor: boolean;
};

type RowAction = (prev: unknown, input: FormData) => Promise<ActionResult>;

function RowMessage({ state }: { state: ActionResult | null }) {
  if (!state?.message) return null;
  return (
    <p className={`row-message ${state.ok ? 'row-message--ok' : 'row-message--error'}`} role="status">
      {state.message}
    </p>
  );
}

function SubmitButton({ label, name, danger }: { label: string; name: string; danger?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={`button button--small ${danger ? 'button--danger' : 'button--quiet'}`}
      disabled={pending}
      aria-label={`${label}: ${name}`}
    >
      {label}
    </button>
  );
}

export function RoleForm({ user }: { user: UserRowDto }) {
  const [state, formAction, pending] = useActionState(changeRoleAction, null);
  const selectId = `role-${user.id}`;
  return (
    <div>
      <form action={formAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={selectId} className="visually-hidden">
          Role of {user.name}
        </label>
        <select id={selectId} name="role" defaultValue={user.role} key={user.role}>
          {(['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const).map((r) => (
            <option key={r} value={r}>
              {roleLabel[r]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button button--small button--quiet"
          disabled={pending}
          aria-label={`Change role: ${user.name}`}
        >
          Change
        </button>
      </form>
      <RowMessage state={state} />
    </div>
  );
}

/**
 * The buttons that fit the account's state; the server decides again when one is pressed. The outcome
 * is kept by the row, not the button: after a deactivation the Deactivate button is gone.
 */
export function UserRowActions({ user }: { user: UserRowDto }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  if (user.isSelf) return <span className="muted">Your own account: see “Your account”.</span>;
  const button = (action: RowAction, label: string, danger?: boolean) => (
    <form action={async (formData: FormData) => setResult(await action(null, formData))}>
      <input type="hidden" name="userId" value={user.id} />
      <SubmitButton label={label} name={user.name} danger={danger} />
    </form>
  );
  return (
    <div>
      <div className="row-actions">
        {user.status === 'INVITED' && (
          <>
            {button(resendInvitationAction, 'Resend invitation')}
            {button(revokeInvitationAction, 'Revoke invitation', true)}
          </>
        )}
        {user.status === 'ACTIVE' && (
          <>
            {button(issuePasswordResetAction, 'Send password-reset link')}
            {user.twoFactor && button(resetTwoFactorAction, 'Reset two-factor', true)}
            {button(deactivateUserAction, 'Deactivate', true)}
          </>
        )}
        {user.status === 'DEACTIVATED' && button(reactivateUserAction, 'Reactivate')}
      </div>
      <RowMessage state={result} />
    </div>
  );
}
