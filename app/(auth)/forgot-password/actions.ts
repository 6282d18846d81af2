'use server';

import { publicAction } from '@/lib/actions/action';
import { forgotPasswordSchema } from '@/lib/validation/accounts';
import { requestPasswordRecovery } from '@/lib/accounts/request-password-recovery';

/** Anyone may ask; the answer is the same whether or not the address has an account. */
export const requestPasswordRecoveryAction = publicAction(forgotPasswordSchema, ({ email }, { ip }) =>
  requestPasswordRecovery({ email, ip }),
);
