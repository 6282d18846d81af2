import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { endAllSessions } from '@/lib/auth/sessions';

export type SignOutEverywhereOptions = { actor: Actor; ip: string | null };

/**
 * Ends every session of the signed-in person, this browser's included (each browser's next request
 * goes to the sign-in page), with one 'account.signOutEverywhere' audit event saying how many ended.
 */
export async function signOutEverywhere({ actor, ip }: SignOutEverywhereOptions): Promise<{ ended: number }> {
  const person = enforceCan(actor, 'account.signOutEverywhere');
  return getDb().$transaction(async (tx) => {
    const ended = await endAllSessions(tx, person.id, 'signOutEverywhere');
    await recordEvent(tx, {
      actorId: person.id,
      action: 'account.signOutEverywhere',
      entityType: 'User',
      entityId: person.id,
      ip,
      data: { sessionsEnded: ended },
    });
    return { ended };
  });
}
