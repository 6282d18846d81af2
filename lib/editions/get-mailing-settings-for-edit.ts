import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { getMailingSettings } from './mailing-settings';

/** The send rate and attempts as the admins' form edits them (never the unsubscribe key). */
export async function getMailingSettingsForEdit(actor: Actor) {
  enforceCan(actor, 'subscriber.manage');
  const { sendRatePerMinute, maxAttempts } = await getMailingSettings(getDb());
  return { sendRatePerMinute, maxAttempts };
}
