/** One message for every refused sign-in: it never tells whether the e-mail address has an account. */
export const SIGN_IN_REFUSED =
  'Those details did not work. Check your e-mail address and password. After 5 failed attempts, signing in is paused for 15 minutes.';
