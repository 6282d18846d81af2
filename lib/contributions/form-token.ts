import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * The contribution form's hidden "when was this form drawn" field: a timestamp signed with
 * NEXTAUTH_SECRET (HMAC-SHA256, with its own purpose label), so a bot cannot backdate it. A form sent
 * back sooner than MIN_FILL_MS after it was drawn, or with a token older than MAX_AGE_MS, or forged,
 * is refused with the same neutral message as every other abuse rule.
 */
export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function secret(): string {
  const s = env().nextAuthSecret;
  if (!s) throw new Error('NEXTAUTH_SECRET is not set.');
  return s;
}

const sign = (payload: string) =>
  createHmac('sha256', secret()).update(`quire:contribute-form:${payload}`).digest('base64url');

export function issueFormToken(now: Date = new Date()): string {
  const payload = String(now.getTime());
  return `${payload}.${sign(payload)}`;
}

export type FormTokenCheck = 'ok' | 'too-fast' | 'invalid';

export function checkFormToken(token: unknown, now: Date = new Date()): FormTokenCheck {
  if (typeof token !== 'string' || token.length > 200) return 'invalid';
  const [payload, mac, ...rest] = token.split('.');
  if (!payload || !mac || rest.length > 0 || !/^\d{1,15}$/.test(payload)) return 'invalid';
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now.getTime() - Number(payload);
  if (age > MAX_AGE_MS || age < -60_000) return 'invalid';
  return age < MIN_FILL_MS ? 'too-fast' : 'ok';
}
