import { createHash, randomBytes } from 'node:crypto';

/** Share-link tokens: 32 random bytes, base64url (43 characters). Only their SHA-256 is stored. */

export const PREVIEW_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newPreviewToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashPreviewToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
