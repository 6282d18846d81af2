'use client';

import { useActionState } from 'react';
import { updateSecuritySettingsAction } from '@/app/admin/settings/actions';
import { securitySettingsSchema, type SecuritySettingsValues } from '@/lib/validation/security-settings';
import { CheckboxField, ErrorSummary, FormMessage, TextField } from '@/components/ui/fields';
import { useSchemaForm } from '@/components/ui/use-schema-form';

/** Sign-in and session settings: the idle timeout (and, later, whether two-factor is required). */
export function SecuritySettingsForm({ values: saved }: { values: SecuritySettingsValues }) {
  const [state, formAction, pending] = useActionState(updateSecuritySettingsAction, null);
  const { summaryRef, errors, values, formKey, showSummary, formProps } = useSchemaForm(securitySettingsSchema, state);
  return (
    <form {...formProps} key={formKey} action={formAction} aria-label="Sign-in and sessions">
      <FormMessage state={state} />
      {showSummary && (
        <ErrorSummary
          errors={errors}
          labels={{ sessionIdleMinutes: 'Idle timeout' }}
          idPrefix="security-"
          summaryRef={summaryRef}
        />
      )}
      <TextField
        name="sessionIdleMinutes"
        idPrefix="security-"
        label="Idle timeout, in minutes"
        hint="A session with no back-office activity for this long ends, and its owner signs in again. Default 120."
        inputMode="numeric"
        defaultValue={values?.sessionIdleMinutes ?? String(saved.sessionIdleMinutes)}
        errors={errors.sessionIdleMinutes}
      />
      <CheckboxField
        name="requireTwoFactor"
        idPrefix="security-"
        label="Require two-factor sign-in for editors and administrators"
        hint="Those without it are sent to set it up on their next request, and can do nothing else until they have."
        defaultChecked={values ? values.requireTwoFactor === 'on' : saved.requireTwoFactor}
      />
      <button type="submit" className="button" disabled={pending}>
        Save sign-in settings
      </button>
    </form>
  );
}
