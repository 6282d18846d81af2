import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getSettingsForEdit } from '@/lib/settings/get-settings-for-edit';
import { SettingsForm } from '@/components/admin/settings/settings-form';
import { SecuritySettingsForm } from '@/components/admin/settings/security-settings-form';
import { getSecuritySettings } from '@/lib/settings/security-settings';
import '@/components/admin/issues.css';

export const metadata: Metadata = { title: 'Publication settings' };

export default async function SettingsPage() {
  const actor = await requireActor();
  if (!can(actor, 'settings.edit')) forbidden();
  const [settings, security] = await Promise.all([getSettingsForEdit(actor), getSecuritySettings(actor)]);
  const { updatedAt, sectionTemplateIsDefault, version, ...values } = settings;
  return (
    <>
      <h1>Publication settings</h1>
      <p className="bo-lede">
        The masthead and footer of the public site, and the sections every new issue starts with.
      </p>
      <SettingsForm
        values={values}
        savedAt={updatedAt?.toISOString() ?? null}
        templateIsDefault={sectionTemplateIsDefault}
        version={version}
      />
      <section className="panel" aria-labelledby="security-heading">
        <h2 id="security-heading">Sign-in and sessions</h2>
        <p className="muted">
          A session ends 12 hours after signing in, after the idle timeout below, or when its owner signs out.
        </p>
        <SecuritySettingsForm values={security} />
      </section>
    </>
  );
}
