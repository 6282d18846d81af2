import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Two-factor secrets are encrypted at rest with AES-256-GCM (node:crypto): a fresh 12-byte IV per
 * secret, the 16-byte tag checked on reading, and the account's id as additional data, so a
 * ciphertext copied onto another account's row does not decrypt. Stored as `v1.<iv>.<tag>.<data>`
 * (base64url).
 *
 * The key is QUIRE_TOTP_KEY (32 bytes, hex or base64) when set; otherwise it is derived from
 * NEXTAUTH_SECRET with HKDF-SHA-256 (info "quire totp secrets"), so a database dump alone never
 * yields the secrets. Changing the key (or NEXTAUTH_SECRET without QUIRE_TOTP_KEY) makes every
 * enrolled secret unreadable: those people sign in with a recovery code or have an admin reset it.
 */
function key(): Buffer {
  const config = env();
  if (config.totpKey) return config.totpKey;
  if (!config.nextAuthSecret) throw new Error('Set QUIRE_TOTP_KEY or NEXTAUTH_SECRET to use two-factor sign-in.');
  return Buffer.from(hkdfSync('sha256', config.nextAuthSecret, 'quire', 'quire totp secrets', 32));
}

export function encryptSecret(plain: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The secret, or null when it cannot be read (another key, another account, tampered with). */
export function decryptSecret(stored: string, userId: string): string | null {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
