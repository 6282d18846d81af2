import 'server-only';
import { getDb } from '@/lib/db/client';
import { can, type Actor } from '@/lib/authz/policy';
import { NotAllowedError } from '@/lib/errors';

export type OutboxEntry = {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: 'KEPT' | 'SENT' | 'FAILED';
  error: string | null;
  createdAt: Date;
};

/** The latest messages, newest first. Admins only: kept messages hold live set-password links. */
export async function listOutbox(options: { actor: Actor; limit?: number }): Promise<OutboxEntry[]> {
  if (!can(options.actor, 'user.manage')) throw new NotAllowedError('Only administrators can read the outbox.');
  return getDb().outboxMessage.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 100,
    select: { id: true, to: true, subject: true, text: true, status: true, error: true, createdAt: true },
  });
}
