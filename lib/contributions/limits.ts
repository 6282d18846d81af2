/**
 * How much one sender may send. Fixed windows in PostgreSQL (lib/rate-limit), shared by every app
 * instance. Per address higher than per e-mail: an office or a university shares one address.
 */
export const CONTRIBUTION_LIMITS = {
  perAddress: { limit: 10, windowSeconds: 60 * 60 },
  perEmail: { limit: 5, windowSeconds: 60 * 60 },
} as const;

/** The one answer to every refused submission (honeypot, too fast, forged form, throttled). */
export const NEUTRAL_REFUSAL =
  'We could not take your message just now. Please wait an hour and send it again, or write to the editors by e-mail.';

/** The honeypot: a field people never see or fill (hidden from view and from assistive technology). */
export const HONEYPOT_FIELD = 'contact_me_by_fax_only';
