import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { scheduleIssueAtWallTime } from '@/lib/issues/schedule-issue';
import { updateSettings } from '@/lib/settings/update-settings';
import { getSettingsForEdit } from '@/lib/settings/get-settings-for-edit';
import { parseUtcDateTime } from '@/lib/validation/issue-actions';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { createPeople, createReadyIssue } from '../helpers/issue-fixtures';

// A database of its own: the settings row is one for the whole database.
const app = useAppClient({ fresh: true });
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

const now = new Date('2031-03-01T00:00:00Z');

describe('the publication time zone', () => {
  it('is UTC until set; a zone Intl does not know is refused next to its field, and nothing is saved', async () => {
    const { sectionTemplateIsDefault: _d, updatedAt: _u, version, ...current } = await getSettingsForEdit(people.admin);
    expect(current.timeZone).toBe('UTC');
    const filled = { ...current, title: current.title || 'Quire' };
    const refused = await rejectionOf(
      updateSettings(people.admin, { ...filled, timeZone: 'Europe/Atlantis' }, { expectedVersion: version }),
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.timeZone).toEqual([
      'Enter a time zone by its IANA name, such as Europe/Vienna or America/New_York, or UTC.',
    ]);
    expect((await app.db.publicationSettings.findUnique({ where: { id: 1 } }))?.timeZone ?? 'UTC').toBe('UTC');

    await updateSettings(people.admin, { ...filled, timeZone: ' europe/vienna ' }, { expectedVersion: version });
    expect((await app.db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } })).timeZone).toBe('Europe/Vienna');
  });

  it('reads a scheduled time typed in the zone as that moment, and refuses one the clocks skip', async () => {
    const { issue } = await createReadyIssue(app.db);
    const typed = parseUtcDateTime('2031-07-01T11:00')!;
    const { scheduledAt } = await scheduleIssueAtWallTime(people.editor, issue.id, typed, 'Europe/Vienna', { now });
    expect(scheduledAt.toISOString()).toBe('2031-07-01T09:00:00.000Z');
    expect((await app.db.issue.findUniqueOrThrow({ where: { id: issue.id } })).scheduledAt?.toISOString()).toBe(
      '2031-07-01T09:00:00.000Z',
    );

    const gap = parseUtcDateTime('2031-03-30T02:30')!;
    const refused = await rejectionOf(scheduleIssueAtWallTime(people.editor, issue.id, gap, 'Europe/Vienna', { now }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.at?.[0]).toContain('does not exist in Europe/Vienna');
  });
});
