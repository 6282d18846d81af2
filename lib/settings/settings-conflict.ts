import { SETTINGS_FIELDS } from '@/lib/validation/settings';
import { effectiveSectionTemplate } from './section-template';

/**
 * ConflictError.current of a refused settings save: the settings as another admin saved them, in the
 * form's own shape (one string per field, the template as "sectionTemplate.0.title" rows), so the
 * form can show them next to what was typed. Browser-safe.
 */
export type SettingsConflict = {
  /** The version to send when the admin keeps their own values after all. */
  version: number;
  theirs: Record<string, string>;
  /** When they were last saved (ISO). */
  savedAt: string;
};

type SettingsRow = Record<(typeof SETTINGS_FIELDS)[number], unknown> & { version: number; updatedAt: Date };

export function settingsConflictOf(row: SettingsRow): SettingsConflict {
  const theirs: Record<string, string> = {};
  for (const field of SETTINGS_FIELDS) {
    if (field === 'sectionTemplate') continue;
    theirs[field] = row[field] == null ? '' : String(row[field]);
  }
  effectiveSectionTemplate(row.sectionTemplate).entries.forEach((entry, index) => {
    theirs[`sectionTemplate.${index}.title`] = entry.title;
    theirs[`sectionTemplate.${index}.acceptsKind`] = entry.acceptsKind ?? '';
  });
  return { version: row.version, theirs, savedAt: row.updatedAt.toISOString() };
}
