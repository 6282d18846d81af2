import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { AccountTokenPurpose } from '@/generated/prisma/enums';
import { siteUrl } from '@/lib/site-url';

/** How long a one-time link works. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 24 * 60 * 60 * 1000,
};
/** A link someone asked for themselves ("Forgot your password?"): anyone could ask, so it lasts 1 hour. */
export const RECOVERY_LIFETIME_MS = 60 * 60 * 1000;

/** Only this hash is stored; the token itself exists in the link alone. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A new one-time link for this account, replacing any earlier link still open (so a resent
 * invitation or a second reset makes the previous link useless).
 */
export async function createAccountToken(
  tx: Prisma.TransactionClient,
  options: {
    userId: string;
    purpose: AccountTokenPurpose;
    createdById: string | null;
    now?: Date;
    lifetimeMs?: number;
  },
): Promise<{ link: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  await revokeOpenTokens(tx, options.userId, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (options.lifetimeMs ?? TOKEN_LIFETIME_MS[options.purpose]));
  await tx.accountToken.create({
    data: {
      userId: options.userId,
      purpose: options.purpose,
      tokenHash: hashToken(token),
      expiresAt,
      createdById: options.createdById,
      createdAt: now,
    },
  });
  return { link: `${siteUrl()}/set-password?token=${token}`, expiresAt };
}

/** Closes every link of this account that could still be used; returns how many. */
export async function revokeOpenTokens(
  tx: Prisma.TransactionClient,
  userId: string,
  now = new Date(),
  purpose?: AccountTokenPurpose,
): Promise<number> {
  const { count } = await tx.accountToken.updateMany({
    where: { userId, usedAt: null, revokedAt: null, expiresAt: { gt: now }, ...(purpose ? { purpose } : {}) },
    data: { revokedAt: now },
  });
  return count;
}
