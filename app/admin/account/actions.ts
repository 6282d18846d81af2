'use server';

import { action } from '@/lib/actions/action';
import { changePasswordSchema, updateProfileSchema } from '@/lib/validation/accounts';
import { updateOwnProfile } from '@/lib/accounts/update-own-profile';
import { changeOwnPassword } from '@/lib/accounts/change-own-password';
import { issueSessionCookie } from '@/lib/auth/session';

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
