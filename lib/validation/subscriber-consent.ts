/**
 * What a subscriber agrees to, stored word for word with the subscription. A module of its own, without
 * zod, so that the public subscribe form can show it without loading the schemas (about 40 kB gzipped).
 */
export const CONSENT_TEXT =
  'Send me each new issue of the bulletin by e-mail. I can unsubscribe at any time, with one click, from any message.';
