/** What the subscribe form answers, whatever the address's state (so the answer tells nothing). */
export const NEUTRAL_ANSWER =
  'Thank you. Check your inbox: if the address can be subscribed, a message with a confirmation link is on its way (it is valid for 7 days). Nothing is sent to you until you follow it.';
