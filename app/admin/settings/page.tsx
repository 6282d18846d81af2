import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getSettingsForEdit } from '@/lib/settings/get-settings-for-edit';
import { SettingsForm } from '@/components/admin/settings/settings-form';
import '@/components/admin/issues.css';

export const metadata: Metadata = { title: 'Publication settings' };

export default async function SettingsPage() {
  const actor = await requireActor();
  if (!can(actor, 'settings.edit')) forbidden();
  const settings = await getSettingsForEdit(actor);
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
    </>
  );
}
