import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import type { SettingsValues } from '@/lib/validation/settings';
import { effectiveSectionTemplate } from './section-template';

export type SettingsForEdit = SettingsValues & {
  /** True while no template is stored: the form shows the built-in one, which new issues use. */
  sectionTemplateIsDefault: boolean;
  updatedAt: Date | null;
  /** What the form sends back as expectedVersion: 1 while no settings are stored. */
  version: number;
};

/** The publication settings as the admin form edits them (admins only). */
export async function getSettingsForEdit(actor: Actor): Promise<SettingsForEdit> {
  enforceCan(actor, 'settings.edit');
  const row = await getDb().publicationSettings.findUnique({ where: { id: 1 } });
  const template = effectiveSectionTemplate(row?.sectionTemplate);
  return {
    title: row?.title ?? '',
    subtitle: row?.subtitle ?? '',
    publisher: row?.publisher ?? '',
    postalAddress: row?.postalAddress ?? '',
    contactEmail: row?.contactEmail ?? '',
    contactPhone: row?.contactPhone ?? '',
    webAddress: row?.webAddress ?? '',
    issn: row?.issn ?? '',
    disclaimer: row?.disclaimer ?? '',
    reproductionNotice: row?.reproductionNotice ?? '',
    sectionTemplate: template.entries,
    contributionRetentionDays: row?.contributionRetentionDays ?? 90,
    timeZone: row?.timeZone ?? 'UTC',
    sectionTemplateIsDefault: template.isDefault,
    updatedAt: row?.updatedAt ?? null,
    version: row?.version ?? 1,
  };
}
