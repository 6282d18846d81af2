import 'server-only';
import type { AccountTokenPurpose } from '@/generated/prisma/enums';
import { getDb } from '@/lib/db/client';
import { now } from '@/lib/clock';
import { hashToken } from './account-tokens';

export type PasswordTokenInfo = { purpose: AccountTokenPurpose; name: string; email: string; expiresAt: Date };

/** What a set-password link is for, if it can still be used. Reads only (the page is a GET). */
export async function findPasswordToken(token: string | undefined): Promise<PasswordTokenInfo | null> {
  if (!token || token.length > 200) return null;
  const row = await getDb().accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { name: true, email: true, status: true } },
    },
  });
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= now() || row.user.status === 'DEACTIVATED') return null;
  return { purpose: row.purpose, name: row.user.name, email: row.user.email, expiresAt: row.expiresAt };
}
