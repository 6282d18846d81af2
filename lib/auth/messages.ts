/** The error code next-auth carries back when the right password of a deactivated account is given. */
export const ACCOUNT_DEACTIVATED_CODE = 'AccountDeactivated';

/** Said only to someone who gave the account's right password (lib/auth/sign-in.ts). */
export const ACCOUNT_DEACTIVATED =
  'This account has been deactivated, so it can no longer sign in. If you still work on the bulletin, ask one of its administrators to reactivate it.';

/** One message for every refused sign-in: it never tells whether the e-mail address has an account. */
export const SIGN_IN_REFUSED =
  'Those details did not work. Check your e-mail address and password. After 5 failed attempts, signing in is paused for 15 minutes.';

/** A refused second step: a wrong or used code, too many attempts, or a ticket past its 5 minutes. */
export const TWO_FACTOR_REFUSED =
  'That code did not work. Enter the code your app shows now, or a recovery code. After 5 wrong codes, signing in is paused for 15 minutes; after 5 minutes, start again.';
