import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { DEFAULT_IDLE_MINUTES } from '@/lib/auth/sessions';
import type { SecuritySettingsValues } from '@/lib/validation/security-settings';

export const DEFAULT_SECURITY_SETTINGS: SecuritySettingsValues = {
  sessionIdleMinutes: DEFAULT_IDLE_MINUTES,
  requireTwoFactor: false,
};

const valuesOf = (row: SecuritySettingsValues): SecuritySettingsValues => ({
  sessionIdleMinutes: row.sessionIdleMinutes,
  requireTwoFactor: row.requireTwoFactor,
});

/** The sign-in and session settings, for the settings page (admins only). */
export async function getSecuritySettings(actor: Actor): Promise<SecuritySettingsValues> {
  enforceCan(actor, 'settings.edit');
  const row = await getDb().securitySettings.findUnique({ where: { id: 1 } });
  return row ? valuesOf(row) : DEFAULT_SECURITY_SETTINGS;
}

/**
 * Saves them (admins only), with one 'settings.updateSecurity' audit event naming what changed. The
 * idle timeout applies to every open session on its next request; requiring two-factor sends every
 * editor and admin without it to /two-factor on their next request, and they can do nothing else.
 */
export async function updateSecuritySettings(
  actor: Actor,
  input: Partial<SecuritySettingsValues>,
  ip: string | null = null,
): Promise<{ changed: string[] }> {
  const person = enforceCan(actor, 'settings.edit');
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "SecuritySettings" WHERE "id" = 1 FOR UPDATE`;
    const row = await tx.securitySettings.findUnique({ where: { id: 1 } });
    const before: SecuritySettingsValues = row ? valuesOf(row) : DEFAULT_SECURITY_SETTINGS;
    const values: SecuritySettingsValues = { ...before, ...input };
    const changed = (Object.keys(values) as (keyof SecuritySettingsValues)[]).filter((k) => before[k] !== values[k]);
    if (row && changed.length === 0) return { changed: [] };
    await tx.securitySettings.upsert({ where: { id: 1 }, create: { id: 1, ...values }, update: values });
    await recordEvent(tx, {
      actorId: person.id,
      action: 'settings.updateSecurity',
      entityType: 'SecuritySettings',
      entityId: '1',
      ip,
      data: {
        changed,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, values[k]])),
      },
    });
    return { changed };
  });
}
