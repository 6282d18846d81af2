'use server';

import { action } from '@/lib/actions/action';
import { updateSettings } from '@/lib/settings/update-settings';
import { settingsFormSchema } from '@/lib/validation/settings-form';

// Thin: updateSettings checks the policy (admins only) and every field, and audits the change.
export const updateSettingsAction = action(settingsFormSchema, async ({ settings, expectedVersion }, { actor }) => {
  const { changed, version } = await updateSettings(actor, settings, { expectedVersion });
  return {
    changed,
    version,
    message: changed.length
      ? 'Settings saved: the public site shows them from the next page load.'
      : 'Nothing changed.',
  };
});
