/** One message for every refused sign-in: it never tells whether the e-mail address has an account. */
export const SIGN_IN_REFUSED =
  'Those details did not work. Check your e-mail address and password. After 5 failed attempts, signing in is paused for 15 minutes.';

/** A refused second step: a wrong or used code, too many attempts, or a ticket past its 5 minutes. */
export const TWO_FACTOR_REFUSED =
  'That code did not work. Enter the code your app shows now, or a recovery code. After 5 wrong codes, signing in is paused for 15 minutes; after 5 minutes, start again.';
