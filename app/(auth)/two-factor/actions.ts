'use server';

import { publicAction } from '@/lib/actions/action';
import { getEnrollingActor } from '@/lib/auth/current-actor';
import { confirmTwoFactorSchema } from '@/lib/validation/two-factor';
import { confirmTwoFactorEnrolment } from '@/lib/accounts/two-factor';
import { NotFoundError } from '@/lib/errors';

/**
 * Confirms enrolment with the first code. A public action because a person who must enrol has no
 * usable session for anything else (getCurrentActor is null for them); the person comes from
 * getEnrollingActor, and confirmTwoFactorEnrolment asks the policy ('account.twoFactor').
 */
export const confirmTwoFactorAction = publicAction(
  confirmTwoFactorSchema,
  async ({ code }, { ip }) => {
    const session = await getEnrollingActor();
    if (!session) throw new NotFoundError('Your session has ended. Sign in again to continue.');
    return confirmTwoFactorEnrolment({ actor: session.actor, ip, code });
  },
  // The answer (the recovery codes) is shown by the form itself; a refresh would redraw the page.
  { refresh: false },
);
