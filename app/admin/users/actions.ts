'use server';

import { action } from '@/lib/actions/action';
import { changeRoleSchema, inviteUserSchema, userIdSchema } from '@/lib/validation/accounts';
import { smtpConfigured } from '@/lib/mail/send-mail';
import { inviteUser } from '@/lib/accounts/invite-user';
import { resendInvitation } from '@/lib/accounts/resend-invitation';
import { revokeInvitation } from '@/lib/accounts/revoke-invitation';
import { changeUserRole } from '@/lib/accounts/change-user-role';
import { deactivateUser } from '@/lib/accounts/deactivate-user';
import { reactivateUser } from '@/lib/accounts/reactivate-user';
import { issuePasswordReset } from '@/lib/accounts/issue-password-reset';
import { resetTwoFactor } from '@/lib/accounts/two-factor';

// Thin: the schema says what the form may carry, the lib/accounts function applies the policy.
const delivered = () => (smtpConfigured() ? 'It was e-mailed.' : 'The link is in the outbox.');

export const inviteUserAction = action(inviteUserSchema, async (input, { actor, ip }) => {
  const result = await inviteUser({ actor, ip, ...input });
  return { ...result, message: `${input.name} is invited. ${delivered()}` };
});

export const resendInvitationAction = action(userIdSchema, async ({ userId }, { actor, ip }) => {
  await resendInvitation({ actor, ip, userId });
  return { message: `Invitation sent again. ${delivered()}` };
});

export const revokeInvitationAction = action(userIdSchema, async ({ userId }, { actor, ip }) => {
  await revokeInvitation({ actor, ip, userId });
  return { message: 'Invitation revoked: the link no longer works.' };
});

export const changeRoleAction = action(changeRoleSchema, async ({ userId, role }, { actor, ip }) => {
  const { changed } = await changeUserRole({ actor, ip, userId, role });
  return { message: changed ? 'Role changed.' : 'That is already their role.' };
});

export const deactivateUserAction = action(userIdSchema, async ({ userId }, { actor, ip }) => {
  await deactivateUser({ actor, ip, userId });
  return { message: 'Account deactivated: they are signed out everywhere.' };
});

export const reactivateUserAction = action(userIdSchema, async ({ userId }, { actor, ip }) => {
  await reactivateUser({ actor, ip, userId });
  return { message: 'Account reactivated.' };
});

export const issuePasswordResetAction = action(userIdSchema, async ({ userId }, { actor, ip }) => {
  await issuePasswordReset({ actor, ip, userId });
  return { message: `Password-reset link issued. ${delivered()}` };
});

export const resetTwoFactorAction = action(userIdSchema, async ({ userId }, { actor, ip }) => {
  await resetTwoFactor({ actor, ip, userId });
  return { message: 'Two-factor sign-in reset: they are signed out everywhere and set it up again when they sign in.' };
});
