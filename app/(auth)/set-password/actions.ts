'use server';

import { publicAction } from '@/lib/actions/action';
import { setPasswordSchema } from '@/lib/validation/accounts';
import { setPasswordWithToken } from '@/lib/accounts/set-password-with-token';

/** From an invitation or reset link: anyone holding the link may use it, once. */
export const setPasswordAction = publicAction(
  setPasswordSchema,
  ({ token, password }, { ip }) => setPasswordWithToken({ token, password, ip }),
  {
    redirectTo: () => '/login?passwordSet=1',
  },
);
