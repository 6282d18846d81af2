'use server';

import { redirect } from 'next/navigation';
import { getCurrentActor, requestAddress } from '@/lib/auth/current-actor';
import { clearSessionCookie, readSessionToken } from '@/lib/auth/session';
import { endSession } from '@/lib/auth/sessions';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';

/**
 * Signing out is a POST (a form on every back-office page), never a GET. It works for anyone,
 * even with an ended session, so it takes no input and does not go through the action wrapper.
 * It ends the session on the server (its Session row), so a copy of the cookie stops working too.
 */
export async function signOutAction(): Promise<void> {
  const actor = await getCurrentActor();
  const token = await readSessionToken();
  if (typeof token?.sid === 'string') await endSession(token.sid, 'signOut');
  if (actor) {
    await recordEvent(getDb(), {
      actorId: actor.id,
      action: 'auth.signOut',
      entityType: 'User',
      entityId: actor.id,
      ip: await requestAddress(),
    });
  }
  await clearSessionCookie();
  redirect('/login?signedOut=1');
}
