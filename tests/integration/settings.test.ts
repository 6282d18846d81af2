import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getSettings } from '@/lib/content/published';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { createIssue } from '@/lib/issues/create-issue';
import { suggestNextIssueNumber } from '@/lib/issues/suggest-next-issue-number';
import { getSettingsForEdit } from '@/lib/settings/get-settings-for-edit';
import { DEFAULT_SECTION_TEMPLATE } from '@/lib/settings/section-template';
import type { SettingsConflict } from '@/lib/settings/settings-conflict';
import { updateSettings } from '@/lib/settings/update-settings';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { cachePage, isCached } from '../helpers/cache';
import { createPeople } from '../helpers/issue-fixtures';
import { createUser } from '../helpers/factories';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings';
import { request } from '../helpers/next-headers-mock';

// The settings action is called as the form posts it, with a session token as next-auth issues it.
vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';
const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const settingsActions = await import('@/app/admin/settings/actions');

// A database of its own: the settings are a single row, and new issues read its section template.
const app = useAppClient({ fresh: true });
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

const valid = {
  title: 'Trafficking in Migrants',
  subtitle: 'Quarterly Bulletin',
  publisher: 'International Organization for Migration',
  postalAddress: '17 route des Morillons\nCH-1211 Geneva 19',
  contactEmail: 'Bulletin@Example.org',
  contactPhone: '+41 22 717 91 11',
  webAddress: 'https://www.example.org/',
  issn: '1020-8852',
  disclaimer: 'Opinions expressed are those of the contributors.',
  reproductionNotice: 'Reproduction requires prior authorization.',
  sectionTemplate: [
    { title: 'Lead', acceptsKind: 'ARTICLE' },
    { title: 'Meetings', acceptsKind: '' },
    { title: 'Reviews', acceptsKind: 'PUBLICATION_REVIEW' },
  ],
};

async function signInAsAdmin() {
  const user = await createUser(app.db, 'ADMIN');
  request.cookies.clear();
  request.cookies.set(sessionCookie().name, await encodeSessionToken(user));
}

/** The settings as the form posts them: one string per field, the template as numbered rows. */
function formOf(values: typeof valid): Record<string, string> {
  const { sectionTemplate, ...scalars } = values;
  return {
    ...scalars,
    ...Object.fromEntries(
      sectionTemplate.flatMap((row, i) => [
        [`sectionTemplate.${i}.title`, row.title],
        [`sectionTemplate.${i}.acceptsKind`, row.acceptsKind],
      ]),
    ),
  };
}

/** The version the admin's form would send now. */
async function current() {
  return { expectedVersion: (await getSettingsForEdit(people.admin)).version };
}

async function events() {
  return app.db.auditEvent.findMany({ where: { action: 'settings.update' }, orderBy: { id: 'asc' } });
}

describe('publication settings', () => {
  it('start from the built-in section template while none is stored, and new issues use it', async () => {
    await app.db.publicationSettings.deleteMany({});
    const form = await getSettingsForEdit(people.admin);
    expect(form).toMatchObject({ title: '', sectionTemplateIsDefault: true, updatedAt: null });
    expect(form.sectionTemplate).toEqual(DEFAULT_SECTION_TEMPLATE);

    const created = await createIssue(people.editor, { number: 900_001, coverLabel: 'Summer 2002' });
    const sections = await app.db.section.findMany({
      where: { issueId: created.issueId },
      orderBy: { position: 'asc' },
      select: { title: true, acceptsKind: true },
    });
    expect(sections).toEqual(DEFAULT_SECTION_TEMPLATE);
    // The highest number in this database: the form proposes the one after it.
    expect(await suggestNextIssueNumber(people.editor)).toBe(900_002);
  });

  it('are saved by an admin, with one audit event naming what changed, and read by the public site', async () => {
    await app.db.publicationSettings.deleteMany({});
    const before = (await events()).length;
    await cachePage('/issues/25');
    await cachePage('/');
    const saved = await updateSettings(people.admin, valid, await current());
    // The masthead and footer are on every page: every cached page is expired (lib/cache/invalidate.ts).
    expect(await isCached('/issues/25')).toBe(false);
    expect(await isCached('/')).toBe(false);
    expect(saved.changed).toHaveLength(13);
    expect(saved.settings).toMatchObject({
      contactEmail: 'bulletin@example.org',
      sectionTemplate: [
        { title: 'Lead', acceptsKind: 'ARTICLE' },
        { title: 'Meetings', acceptsKind: null },
        { title: 'Reviews', acceptsKind: 'PUBLICATION_REVIEW' },
      ],
    });
    expect((await getSettings()).title).toBe('Trafficking in Migrants');

    const form = await getSettingsForEdit(people.admin);
    expect(form).toMatchObject({ title: valid.title, issn: '1020-8852', sectionTemplateIsDefault: false });

    const again = await updateSettings(
      people.admin,
      { ...valid, subtitle: 'Quarterly bulletin', contactEmail: 'bulletin@example.org' },
      await current(),
    );
    expect(again.changed).toEqual(['subtitle']);
    expect(
      await updateSettings(people.admin, { ...valid, subtitle: 'Quarterly bulletin' }, await current()),
    ).toMatchObject({ changed: [] });

    const log = (await events()).slice(before);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({
      actorId: people.admin.id,
      entityType: 'PublicationSettings',
      data: {
        changed: ['subtitle'],
        before: { subtitle: 'Quarterly Bulletin' },
        after: { subtitle: 'Quarterly bulletin' },
      },
    });
  });

  it('give new issues their section template', async () => {
    await updateSettings(people.admin, valid, await current());
    const created = await createIssue(people.editor, { number: 7, coverLabel: 'Spring 2003' });
    const sections = await app.db.section.findMany({
      where: { issueId: created.issueId },
      orderBy: { position: 'asc' },
      select: { title: true, acceptsKind: true },
    });
    expect(sections).toEqual([
      { title: 'Lead', acceptsKind: 'ARTICLE' },
      { title: 'Meetings', acceptsKind: null },
      { title: 'Reviews', acceptsKind: 'PUBLICATION_REVIEW' },
    ]);
  });

  it('report every field error at once', async () => {
    const before = await events();
    const error = await rejectionOf(
      updateSettings(
        people.admin,
        {
          ...valid,
          title: '   ',
          contactEmail: 'not an address',
          webAddress: 'javascript:alert(1)',
          issn: '1020-8853',
          contactPhone: 'call us',
          sectionTemplate: [
            { title: 'Lead', acceptsKind: 'ARTICLE' },
            { title: 'lead', acceptsKind: 'POEM' },
            { title: '' },
          ],
        },
        await current(),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual([
      'contactEmail',
      'contactPhone',
      'issn',
      'sectionTemplate.1.acceptsKind',
      'sectionTemplate.2.title',
      'title',
      'webAddress',
    ]);
    const empty = await rejectionOf(updateSettings(people.admin, { ...valid, sectionTemplate: [] }, await current()));
    expect((empty as ValidationError).fieldErrors.sectionTemplate).toEqual(['Keep at least one section.']);
    const duplicate = await rejectionOf(
      updateSettings(
        people.admin,
        { ...valid, sectionTemplate: [{ title: 'Lead' }, { title: 'LEAD' }] },
        await current(),
      ),
    );
    expect((duplicate as ValidationError).fieldErrors['sectionTemplate.1.title']).toEqual([
      '"LEAD" is already in the list.',
    ]);
    expect(await events()).toHaveLength(before.length);
  });

  it('are for admins only', async () => {
    for (const actor of [people.editor, people.contributor]) {
      expect(await rejectionOf(updateSettings(actor, valid, await current()))).toBeInstanceOf(NotAllowedError);
      expect(await rejectionOf(getSettingsForEdit(actor))).toBeInstanceOf(NotAllowedError);
    }
    for (const actor of [people.anonymous, people.deactivated]) {
      expect(await rejectionOf(updateSettings(actor, valid, await current()))).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(getSettingsForEdit(actor))).toBeInstanceOf(NotFoundError);
    }
  });

  it("take one of two saves made at once from the same version; the other gets a conflict with the winner's values", async () => {
    for (const start of ['no settings stored yet', 'settings stored'] as const) {
      await app.db.publicationSettings.deleteMany({});
      if (start === 'settings stored') await updateSettings(people.admin, valid, { expectedVersion: 1 });
      const { expectedVersion } = await current();
      const before = (await events()).length;
      const results = await Promise.allSettled([
        updateSettings(people.admin, { ...valid, subtitle: 'First admin' }, { expectedVersion }),
        updateSettings(people.admin, { ...valid, subtitle: 'Second admin' }, { expectedVersion }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won, start).toHaveLength(1);
      expect(lost, start).toHaveLength(1);
      const winner = results[0]!.status === 'fulfilled' ? 'First admin' : 'Second admin';
      const error = (lost[0] as PromiseRejectedResult).reason as ConflictError<SettingsConflict>;
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.current).toMatchObject({
        version: expectedVersion + 1,
        theirs: { subtitle: winner, title: valid.title, 'sectionTemplate.2.title': 'Reviews' },
      });
      expect(await getSettingsForEdit(people.admin)).toMatchObject({ subtitle: winner, version: expectedVersion + 1 });
      expect((await events()).length - before).toBe(1);
    }
  });

  it('refuse a stale version through the action, keeping what was typed; a bad version is "invalid", never a 5xx', async () => {
    await app.db.publicationSettings.deleteMany({});
    await updateSettings(people.admin, valid, { expectedVersion: 1 });
    const { expectedVersion } = await current();
    await updateSettings(people.admin, { ...valid, publisher: 'Someone else' }, { expectedVersion });
    await signInAsAdmin();
    const form = { ...formOf(valid), publisher: 'Mine', expectedVersion: String(expectedVersion) };
    const stale = await settingsActions.updateSettingsAction(null, form);
    expect(stale).toMatchObject({
      ok: false,
      code: 'conflict',
      values: { publisher: 'Mine' },
      conflict: { version: expectedVersion + 1, theirs: { publisher: 'Someone else' } },
    });
    expect((await getSettingsForEdit(people.admin)).publisher).toBe('Someone else');
    for (const version of [undefined, 'x', '0', '2147483648', '123456789012345678901234']) {
      const result = await settingsActions.updateSettingsAction(null, { ...form, expectedVersion: version });
      expect(result).toMatchObject({ ok: false, code: 'invalid' });
    }
    const mine = await settingsActions.updateSettingsAction(null, {
      ...form,
      expectedVersion: String(expectedVersion + 1),
    });
    expect(mine).toMatchObject({ ok: true, version: expectedVersion + 2 });
    expect((await getSettingsForEdit(people.admin)).publisher).toBe('Mine');
  });

  // Tracker issue 13.14 for the settings action: each text field gets the naughty-strings list, and
  // every answer is an exact round trip (trimmed) or "invalid" naming that field; never a throw.
  it(
    'take the naughty-strings list in every text field: stored exactly, or a field error',
    { timeout: 180_000 },
    async () => {
      await app.db.publicationSettings.deleteMany({});
      await signInAsAdmin();
      let version = 1;
      const groups = [
        ['title', 'subtitle', 'publisher', 'sectionTemplate.0.title'],
        ['postalAddress', 'disclaimer', 'reproductionNotice'],
      ];
      const outcomes: Record<string, string> = {};
      for (const s of NAUGHTY_STRINGS) {
        for (const fields of groups) {
          const form = {
            ...formOf(valid),
            ...Object.fromEntries(fields.map((f) => [f, s])),
            expectedVersion: String(version),
          };
          const answer = await settingsActions.updateSettingsAction(null, form);
          const key = `${fields[0]} ${JSON.stringify(s)}`;
          if (answer.ok) {
            version = answer.version;
            const row = await app.db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
            const stored: Record<string, unknown> = {
              ...row,
              'sectionTemplate.0.title': (row.sectionTemplate as { title: string }[])[0]?.title,
            };
            for (const f of fields) expect(stored[f], `${f} ← ${JSON.stringify(s)}`).toBe(s.trim());
            outcomes[key] = 'stored';
          } else {
            expect(answer.code, JSON.stringify(s)).toBe('invalid');
            const named = Object.keys(answer.fieldErrors).filter((f) => answer.fieldErrors[f]?.length);
            expect(named.length, JSON.stringify(s)).toBeGreaterThan(0);
            for (const f of named) expect(fields, `${f} ← ${JSON.stringify(s)}`).toContain(f);
            // What was typed comes back to be shown again.
            for (const f of fields) expect(answer.values[f]).toBe(s);
            outcomes[key] = 'refused';
          }
        }
      }
      for (const s of ['nul\u0000inside', 'a\ud800b', 'esc \u001b[31mred\u001b[0m']) {
        expect(outcomes[`title ${JSON.stringify(s)}`]).toBe('refused');
        expect(outcomes[`postalAddress ${JSON.stringify(s)}`]).toBe('refused');
      }
      expect(outcomes[`title ${JSON.stringify('two\nlines')}`]).toBe('refused');
      expect(outcomes[`postalAddress ${JSON.stringify('two\nlines')}`]).toBe('stored');
      expect(outcomes[`title ${JSON.stringify('東京都 渋谷区')}`]).toBe('stored');
    },
  );
});
