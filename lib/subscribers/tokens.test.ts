import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CONFIRM_TOKEN_PATTERN,
  hashConfirmToken,
  newConfirmToken,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from './tokens';

describe('confirmation tokens', () => {
  it('are 256 random bits, stored as SHA-256', () => {
    const token = newConfirmToken();
    expect(token).toMatch(CONFIRM_TOKEN_PATTERN);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hashConfirmToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(newConfirmToken()).not.toBe(token);
  });
});

describe('unsubscribe tokens', () => {
  const key = randomBytes(32).toString('hex');
  it('verify for their subscriber and key only', () => {
    const token = unsubscribeToken(key, 'cm0subscriberid000000001');
    expect(verifyUnsubscribeToken(key, token)).toBe('cm0subscriberid000000001');
    expect(unsubscribeToken(key, 'cm0subscriberid000000001')).toBe(token);
    expect(verifyUnsubscribeToken(randomBytes(32).toString('hex'), token)).toBeNull();
    const [, mac] = token.split('.');
    expect(verifyUnsubscribeToken(key, `cm0subscriberid000000002.${mac}`)).toBeNull();
    expect(verifyUnsubscribeToken(key, `${token}A`)).toBeNull();
    expect(verifyUnsubscribeToken(key, 'nonsense')).toBeNull();
  });
});
