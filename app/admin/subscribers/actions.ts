'use server';

import { action } from '@/lib/actions/action';
import { updateMailingSettings } from '@/lib/editions/update-mailing-settings';
import { importSubscribers } from '@/lib/subscribers/import-subscribers';
import { removeSubscriber } from '@/lib/subscribers/remove-subscriber';
import { importSubscribersSchema, mailingSettingsSchema, subscriberIdSchema } from '@/lib/validation/subscriber';

// Thin: lib/subscribers and lib/editions apply the policy (admins) and write the audit events.

export const importSubscribersAction = action(importSubscribersSchema, async (input, { actor, ip }) => {
  const r = await importSubscribers(actor, input, { ip });
  const parts = [
    `${r.created} added`,
    r.confirmed ? `${r.confirmed} confirmed (consent stated)` : '',
    r.pending ? `${r.pending} sent a confirmation link` : '',
    r.skipped ? `${r.skipped} already on the list or repeated, left as they were` : '',
    r.invalid.length ? `${r.invalid.length} lines refused` : '',
  ].filter(Boolean);
  return {
    invalid: r.invalid.slice(0, 50),
    message: `Imported: ${parts.join('; ')}.`,
  };
});

export const removeSubscriberAction = action(subscriberIdSchema, async ({ subscriberId }, { actor, ip }) => {
  await removeSubscriber(actor, subscriberId, { ip });
  return { message: 'Removed, with their data.' };
});

export const updateMailingSettingsAction = action(mailingSettingsSchema, async (input, { actor, ip }) => {
  const { changed } = await updateMailingSettings(actor, input, { ip });
  return { message: changed ? 'Saved.' : 'Nothing changed.' };
});
