'use server';

import { action } from '@/lib/actions/action';
import { updateSettings } from '@/lib/settings/update-settings';
import { settingsFormSchema } from '@/lib/validation/settings-form';
import { securitySettingsSchema } from '@/lib/validation/security-settings';
import { updateSecuritySettings } from '@/lib/settings/security-settings';

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

export const updateSecuritySettingsAction = action(securitySettingsSchema, async (input, { actor, ip }) => {
  const { changed } = await updateSecuritySettings(actor, input, ip);
  return { message: changed.length ? 'Sign-in settings saved: they apply from the next request.' : 'Nothing changed.' };
});
