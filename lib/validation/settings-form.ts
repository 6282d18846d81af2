import { z } from 'zod';
import { versionFromForm } from './request';
import { SETTINGS_FIELDS } from './settings';

/**
 * The settings form as it is posted: one field per setting, and the section template as numbered
 * rows ("sectionTemplate.0.title", "sectionTemplate.0.acceptsKind", …). Turned into the shape
 * settingsSchema checks (lib/settings/update-settings.ts validates it, every error at once, with
 * row errors named "sectionTemplate.2.title" so the form shows them by their row). Browser-safe.
 */
const ROW_FIELD = /^sectionTemplate\.(\d{1,3})\.(title|acceptsKind)$/;

export type SettingsFormInput = Record<string, unknown>;

export function settingsFromForm(raw: SettingsFormInput) {
  const scalars = Object.fromEntries(
    SETTINGS_FIELDS.filter((f) => f !== 'sectionTemplate').map((f) => [
      f,
      typeof raw[f] === 'string' ? raw[f] : undefined,
    ]),
  );
  const rows = new Map<number, { title: string; acceptsKind: string }>();
  for (const [key, value] of Object.entries(raw)) {
    const m = ROW_FIELD.exec(key);
    if (!m || typeof value !== 'string') continue;
    const index = Number(m[1]);
    const row = rows.get(index) ?? { title: '', acceptsKind: '' };
    row[m[2] as 'title' | 'acceptsKind'] = value;
    rows.set(index, row);
  }
  const sectionTemplate = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  return { ...scalars, sectionTemplate };
}

/** The form as posted: the settings (checked by updateSettings, every error at once) and the version it loaded. */
export const settingsFormSchema = z
  .record(z.string(), z.unknown())
  .transform((raw) => ({ settings: settingsFromForm(raw), expectedVersion: versionFromForm(raw.expectedVersion) }));

/** The template rows a refused form posted, in order, so the form shows them again as typed. */
export function templateRowsFromValues(values: Record<string, string>): { title: string; acceptsKind: string }[] {
  return settingsFromForm(values).sectionTemplate;
}
