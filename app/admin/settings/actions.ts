'use server';

import { action } from '@/lib/actions/action';
import { updateSettings } from '@/lib/settings/update-settings';
import { settingsFormSchema } from '@/lib/validation/settings-form';

// Thin: updateSettings checks the policy (admins only) and every field, and audits the change.
export const updateSettingsAction = action(settingsFormSchema, async (input, { actor }) => {
  const { changed } = await updateSettings(actor, input);
  return {
    changed,
    message: changed.length
      ? 'Settings saved: the public site shows them from the next page load.'
      : 'Nothing changed.',
  };
});
