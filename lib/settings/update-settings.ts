import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/validation/field-errors';
import { SETTINGS_FIELDS, settingsSchema, type SettingsValues } from '@/lib/validation/settings';
import { settingsChanged } from '@/lib/cache/invalidate';

export type UpdateSettingsResult = { changed: string[]; settings: SettingsValues };

/**
 * Saves the publication settings (admins only). Every field error at once (ValidationError, by field;
 * template rows as "sectionTemplate.2.title"). One 'settings.update' audit event naming the changed
 * fields with their values before and after; saving without changes writes nothing.
 * The public masthead and footer read the row per request, so they change on the next request.
 */
export async function updateSettings(actor: Actor, input: unknown): Promise<UpdateSettingsResult> {
  const person = enforceCan(actor, 'settings.edit');
  const parsed = parseWith(settingsSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const next = parsed.data;

  return getDb().$transaction(async (tx) => {
    // Lock the row (when there is one) so two admins saving at once record accurate "before" values.
    await tx.$queryRaw`SELECT "id" FROM "PublicationSettings" WHERE "id" = 1 FOR UPDATE`;
    await settingsChanged(tx);
    const current = await tx.publicationSettings.findUnique({ where: { id: 1 } });
    const before: Record<string, unknown> = current ? { ...current, sectionTemplate: current.sectionTemplate } : {};
    const changed = SETTINGS_FIELDS.filter(
      (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(next[field]),
    );
    if (current && changed.length === 0) return { changed: [], settings: next };

    const data = { ...next, sectionTemplate: next.sectionTemplate as Prisma.InputJsonValue };
    await tx.publicationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordEvent(tx, {
      actorId: person.id,
      action: 'settings.update',
      entityType: 'PublicationSettings',
      entityId: '1',
      data: {
        changed: [...changed],
        before: Object.fromEntries(changed.map((f) => [f, (before[f] ?? null) as Prisma.InputJsonValue])),
        after: Object.fromEntries(changed.map((f) => [f, next[f] as Prisma.InputJsonValue])),
      } as Prisma.InputJsonValue,
    });
    return { changed: [...changed], settings: next };
  });
}
