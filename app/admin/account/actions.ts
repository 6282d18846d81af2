'use server';

import { action } from '@/lib/actions/action';
import { changePasswordSchema, noInputSchema, updateProfileSchema } from '@/lib/validation/accounts';
import { updateOwnProfile } from '@/lib/accounts/update-own-profile';
import { changeOwnPassword } from '@/lib/accounts/change-own-password';
import { clearSessionCookie, issueSessionCookie } from '@/lib/auth/session';
import { signOutEverywhere } from '@/lib/accounts/sign-out-everywhere';

export const updateProfileAction = action(updateProfileSchema, ({ name }, { actor, ip }) =>
  updateOwnProfile({ actor, ip, name }),
);

export const changePasswordAction = action(
  changePasswordSchema,
  async ({ currentPassword, password }, { actor, ip }) => {
    const { user, message } = await changeOwnPassword({ actor, ip, currentPassword, password });
    // Every session ended with the old session version; this browser gets a new one.
    await issueSessionCookie(user);
    return { message };
  },
);

/** Ends every session of this person, this one included, and goes to the sign-in page. */
export const signOutEverywhereAction = action(
  noInputSchema,
  async (_input, { actor, ip }) => {
    await signOutEverywhere({ actor, ip });
    await clearSessionCookie();
    return {};
  },
  { redirectTo: () => '/login?signedOutEverywhere=1' },
);
