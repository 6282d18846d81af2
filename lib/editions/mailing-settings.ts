import { randomBytes } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/client';

/** How the edition is sent (one row, id 1): the send rate, attempts per delivery, the unsubscribe key. */
export type MailingSettingsRow = { sendRatePerMinute: number; maxAttempts: number; unsubscribeKey: string };

export const DEFAULT_SEND_RATE_PER_MINUTE = 600;
export const DEFAULT_MAX_ATTEMPTS = 5;

/** The settings row, created on first use with a new random unsubscribe key (a race creates it once). */
export async function getMailingSettings(db: Db | Prisma.TransactionClient): Promise<MailingSettingsRow> {
  const select = { sendRatePerMinute: true, maxAttempts: true, unsubscribeKey: true } as const;
  const row = await db.mailingSettings.findUnique({ where: { id: 1 }, select });
  if (row) return row;
  await db.$executeRaw`
    INSERT INTO "MailingSettings" ("id", "sendRatePerMinute", "maxAttempts", "unsubscribeKey", "updatedAt")
    VALUES (1, ${DEFAULT_SEND_RATE_PER_MINUTE}, ${DEFAULT_MAX_ATTEMPTS}, ${randomBytes(32).toString('hex')}, ${new Date()})
    ON CONFLICT ("id") DO NOTHING`;
  return db.mailingSettings.findUniqueOrThrow({ where: { id: 1 }, select });
}
