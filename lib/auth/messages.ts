/** The error code next-auth carries back when the right password of a deactivated account is given. */
export const ACCOUNT_DEACTIVATED_CODE = 'AccountDeactivated';

/** Said only to someone who gave the account's right password (lib/auth/sign-in.ts). */
export const ACCOUNT_DEACTIVATED =
  'This account has been deactivated, so it can no longer sign in. If you still work on the bulletin, ask one of its administrators to reactivate it.';

/** One message for every refused sign-in: it never tells whether the e-mail address has an account. */
export const SIGN_IN_REFUSED =
  'Those details did not work. Check your e-mail address and password. After 5 failed attempts, signing in is paused for 15 minutes.';
