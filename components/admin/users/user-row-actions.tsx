'use client';

import { useActionState } from 'react';
import type { Role, UserStatus } from '@/generated/prisma/enums';
import {
  changeRoleAction,
  deactivateUserAction,
  issuePasswordResetAction,
  reactivateUserAction,
  resendInvitationAction,
  revokeInvitationAction,
} from '@/app/admin/users/actions';
import type { ActionResult } from '@/lib/actions/action';
import { roleLabel } from '@/lib/format/labels';

/** What a row needs to know; no more of the account reaches the browser. */
export type UserRowDto = { id: string; name: string; role: Role; status: UserStatus; isSelf: boolean };

type RowAction = (prev: unknown, input: FormData) => Promise<ActionResult>;

function RowMessage({ state }: { state: ActionResult | null }) {
  if (!state?.message) return null;
  return (
    <p className={`row-message ${state.ok ? 'row-message--ok' : 'row-message--error'}`} role="status">
      {state.message}
    </p>
  );
}

function ActionButton({ action, user, label, danger }: { action: RowAction; user: UserRowDto; label: string; danger?: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div>
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <button type="submit" className={`button button--small ${danger ? 'button--danger' : 'button--quiet'}`} disabled={pending} aria-label={`${label}: ${user.name}`}>
          {label}
        </button>
      </form>
      <RowMessage state={state} />
    </div>
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
        <button type="submit" className="button button--small button--quiet" disabled={pending} aria-label={`Change role: ${user.name}`}>
          Change
        </button>
      </form>
      <RowMessage state={state} />
    </div>
  );
}

/** The buttons that fit the account's state; the server decides again when one is pressed. */
export function UserRowActions({ user }: { user: UserRowDto }) {
  if (user.isSelf) return <span className="muted">Your own account: see “Your account”.</span>;
  return (
    <div className="row-actions">
      {user.status === 'INVITED' && (
        <>
          <ActionButton action={resendInvitationAction} user={user} label="Resend invitation" />
          <ActionButton action={revokeInvitationAction} user={user} label="Revoke invitation" danger />
        </>
      )}
      {user.status === 'ACTIVE' && (
        <>
          <ActionButton action={issuePasswordResetAction} user={user} label="Send password-reset link" />
          <ActionButton action={deactivateUserAction} user={user} label="Deactivate" danger />
        </>
      )}
      {user.status === 'DEACTIVATED' && <ActionButton action={reactivateUserAction} user={user} label="Reactivate" />}
    </div>
  );
}
