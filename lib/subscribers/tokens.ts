import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The two kinds of link a subscriber gets.
 *
 * - Confirmation (double opt-in): 32 random bytes (256 bits), base64url, in the mailed link only; the
 *   database keeps its SHA-256. Valid 7 days, works once.
 * - Unsubscribe: `<subscriber id>.<HMAC-SHA256(key, "unsubscribe:" + id)>`, with the key from
 *   MailingSettings. Derived, not stored: every mail of a subscriber carries the same token (so a
 *   retried message is identical to the first), nothing needs storing per message, and the token
 *   stays valid as long as the key does (mail sits in inboxes for years). It only unsubscribes (and
 *   undoes that), so a leaked link costs little.
 */
export const CONFIRM_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const CONFIRM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const UNSUBSCRIBE_TOKEN_PATTERN = /^[a-z0-9]{10,40}\.[A-Za-z0-9_-]{43}$/;

export const newConfirmToken = () => randomBytes(32).toString('base64url');
export const hashConfirmToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const mac = (key: string, subscriberId: string) =>
  createHmac('sha256', Buffer.from(key, 'hex')).update(`unsubscribe:${subscriberId}`, 'utf8').digest('base64url');

export function unsubscribeToken(key: string, subscriberId: string): string {
  return `${subscriberId}.${mac(key, subscriberId)}`;
}

/** The subscriber id the token stands for, or null when it is malformed or was not made with this key. */
export function verifyUnsubscribeToken(key: string, token: string): string | null {
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return null;
  const [id, given] = token.split('.') as [string, string];
  const expected = Buffer.from(mac(key, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}

export const unsubscribePagePath = (token: string) => `/unsubscribe/${token}`;
/** The RFC 8058 one-click address (List-Unsubscribe): POST unsubscribes, no sign-in, no CSRF token. */
export const oneClickPath = (token: string) => `/api/unsubscribe/${token}`;
export const confirmPagePath = (token: string) => `/subscribe/confirm/${token}`;
