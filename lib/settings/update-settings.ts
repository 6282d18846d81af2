import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ConflictError, ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/validation/field-errors';
import { VERSION_MISSING, expectedVersionSchema } from '@/lib/validation/request';
import { SETTINGS_FIELDS, settingsSchema, type SettingsValues } from '@/lib/validation/settings';
import { settingsChanged } from '@/lib/cache/invalidate';
import { settingsConflictOf, type SettingsConflict } from './settings-conflict';

export type UpdateSettingsResult = { changed: string[]; settings: SettingsValues; version: number };

export type UpdateSettingsOptions = {
  /**
   * The version the form loaded (1 while no settings are stored): a save over anything newer is
   * refused with a ConflictError<SettingsConflict> showing the other admin's values.
   */
  expectedVersion: unknown;
};

/**
 * Saves the publication settings (admins only). Every field error at once (ValidationError, by field;
 * template rows as "sectionTemplate.2.title"). One 'settings.update' audit event naming the changed
 * fields with their values before and after; saving without changes writes nothing.
 * The public masthead and footer read the row per request, so they change on the next request.
 *
 * Optimistic concurrency: the save goes through only while the row is still at `expectedVersion`
 * (checked under the row's lock, so of two admins saving at once exactly one wins) and bumps it.
 */
export async function updateSettings(
  actor: Actor,
  input: unknown,
  options: UpdateSettingsOptions,
): Promise<UpdateSettingsResult> {
  const person = enforceCan(actor, 'settings.edit');
  const seen = expectedVersionSchema.safeParse(options.expectedVersion);
  const parsed = parseWith(settingsSchema, input);
  if (!parsed.ok || !seen.success) {
    const fieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
    if (!seen.success) fieldErrors[''] = [seen.error.issues[0]?.message ?? VERSION_MISSING];
    throw new ValidationError(fieldErrors);
  }
  const next = parsed.data;

  return getDb().$transaction(async (tx) => {
    // The row exists from here on (a new installation has none), so there is always a row to lock:
    // two admins saving at once wait for each other here, and the second sees the first's version.
    const created =
      (await tx.$executeRaw`INSERT INTO "PublicationSettings" ("id", "title", "updatedAt") VALUES (1, '', now()) ON CONFLICT ("id") DO NOTHING`) ===
      1;
    await tx.$queryRaw`SELECT "id" FROM "PublicationSettings" WHERE "id" = 1 FOR UPDATE`;
    const current = await tx.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
    if (current.version !== seen.data) {
      throw new ConflictError<SettingsConflict>(
        settingsConflictOf(current),
        'Someone else saved the settings after you opened them, so your changes were not saved. ' +
          'Their values are shown next to yours below; nothing you typed is lost.',
      );
    }
    await settingsChanged(tx);
    // A row made just now stands for "nothing stored": every field is recorded as changed from nothing.
    const before: Record<string, unknown> = created ? {} : { ...current, sectionTemplate: current.sectionTemplate };
    const changed = SETTINGS_FIELDS.filter(
      (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(next[field]),
    );
    if (changed.length === 0) return { changed: [], settings: next, version: current.version };

    const data = { ...next, sectionTemplate: next.sectionTemplate as Prisma.InputJsonValue };
    const saved = await tx.publicationSettings.update({
      where: { id: 1 },
      data: { ...data, version: { increment: 1 } },
      select: { version: true },
    });
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
    return { changed: [...changed], settings: next, version: saved.version };
  });
}
