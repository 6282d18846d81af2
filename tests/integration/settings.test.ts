import { beforeAll, describe, expect, it } from 'vitest';
import { getSettings } from '@/lib/content/published';
import { NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { createIssue } from '@/lib/issues/create-issue';
import { suggestNextIssueNumber } from '@/lib/issues/suggest-next-issue-number';
import { getSettingsForEdit } from '@/lib/settings/get-settings-for-edit';
import { DEFAULT_SECTION_TEMPLATE } from '@/lib/settings/section-template';
import { updateSettings } from '@/lib/settings/update-settings';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { createPeople } from '../helpers/issue-fixtures';

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
    const saved = await updateSettings(people.admin, valid);
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

    const again = await updateSettings(people.admin, {
      ...valid,
      subtitle: 'Quarterly bulletin',
      contactEmail: 'bulletin@example.org',
    });
    expect(again.changed).toEqual(['subtitle']);
    expect(await updateSettings(people.admin, { ...valid, subtitle: 'Quarterly bulletin' })).toMatchObject({
      changed: [],
    });

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
    await updateSettings(people.admin, valid);
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
      updateSettings(people.admin, {
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
      }),
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
    const empty = await rejectionOf(updateSettings(people.admin, { ...valid, sectionTemplate: [] }));
    expect((empty as ValidationError).fieldErrors.sectionTemplate).toEqual(['Keep at least one section.']);
    const duplicate = await rejectionOf(
      updateSettings(people.admin, { ...valid, sectionTemplate: [{ title: 'Lead' }, { title: 'LEAD' }] }),
    );
    expect((duplicate as ValidationError).fieldErrors['sectionTemplate.1.title']).toEqual([
      '"LEAD" is already in the list.',
    ]);
    expect(await events()).toHaveLength(before.length);
  });

  it('are for admins only', async () => {
    for (const actor of [people.editor, people.contributor]) {
      expect(await rejectionOf(updateSettings(actor, valid))).toBeInstanceOf(NotAllowedError);
      expect(await rejectionOf(getSettingsForEdit(actor))).toBeInstanceOf(NotAllowedError);
    }
    for (const actor of [people.anonymous, people.deactivated]) {
      expect(await rejectionOf(updateSettings(actor, valid))).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(getSettingsForEdit(actor))).toBeInstanceOf(NotFoundError);
    }
  });
});
