import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { addSection } from '@/lib/issues/add-section';
import { createIssue } from '@/lib/issues/create-issue';
import { getIssueForDesk } from '@/lib/issues/get-issue-for-desk';
import { listIssues } from '@/lib/issues/list-issues';
import { moveSection } from '@/lib/issues/move-section';
import { removeSection } from '@/lib/issues/remove-section';
import { renameSection } from '@/lib/issues/rename-section';
import { reorderSections } from '@/lib/issues/reorder-sections';
import { setSectionKind } from '@/lib/issues/set-section-kind';
import { suggestNextIssueNumber } from '@/lib/issues/suggest-next-issue-number';
import { updateIssue } from '@/lib/issues/update-issue';
import { effectiveSectionTemplate } from '@/lib/settings/section-template';
import { uniqueIssueNumber } from '../helpers/db';
import { createIssue as createIssueRow, createItem } from '../helpers/factories';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { auditEventsFor, createPeople, createReadyIssue } from '../helpers/issue-fixtures';

const app = useAppClient();
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

async function sectionRows(issueId: string) {
  return app.db.section.findMany({
    where: { issueId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, position: true, acceptsKind: true },
  });
}

describe('planning bulletin issues', () => {
  it('creates a planned issue with the template sections, audited', async () => {
    const number = await uniqueIssueNumber();
    const created = await createIssue(people.editor, { number, coverLabel: ' Summer 2002 ', coverDate: '2002-07-01' });

    const issue = await app.db.issue.findUniqueOrThrow({ where: { id: created.issueId } });
    expect(issue).toMatchObject({
      number,
      coverLabel: 'Summer 2002',
      coverDate: new Date('2002-07-01T00:00:00Z'),
      state: 'PLANNED',
      version: 1,
    });
    // The template in the settings (the built-in one when none is stored; settings.test.ts covers both).
    const settings = await app.db.publicationSettings.findUnique({ where: { id: 1 } });
    const template = effectiveSectionTemplate(settings?.sectionTemplate).entries;
    expect((await sectionRows(issue.id)).map((s) => [s.title, s.position, s.acceptsKind])).toEqual(
      template.map((t, i) => [t.title, i, t.acceptsKind]),
    );
    expect(await auditEventsFor(app.db, [issue.id], 'issue.create')).toMatchObject([
      { actorId: people.editor.id, toState: 'PLANNED' },
    ]);
    expect(await suggestNextIssueNumber(people.editor)).toBeGreaterThan(number);
  });

  it('returns every field error at once, and refuses a number in use', async () => {
    const error = await rejectionOf(
      createIssue(people.editor, { number: -2, coverLabel: 'x'.repeat(81), coverDate: '2002-02-30' }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(['coverDate', 'coverLabel', 'number']);

    const taken = await createIssueRow(app.db);
    const clash = await rejectionOf(createIssue(people.editor, { number: taken.number, coverLabel: 'Autumn 2002' }));
    expect((clash as ValidationError).fieldErrors).toEqual({
      number: [`N° ${taken.number} already exists: choose another number.`],
    });
  });

  it('edits number, cover label and date against the version the editor saw', async () => {
    const created = await createIssue(people.editor, { number: await uniqueIssueNumber(), coverLabel: '' });
    const result = await updateIssue(
      people.editor,
      created.issueId,
      { number: created.number, coverLabel: 'Winter 2002', coverDate: '2002-12-01' },
      { expectedVersion: 1 },
    );
    expect(result).toEqual({ version: 2, changed: ['coverLabel', 'coverDate'] });
    expect(
      await rejectionOf(
        updateIssue(
          people.editor,
          created.issueId,
          { number: created.number, coverLabel: 'Other' },
          { expectedVersion: 1 },
        ),
      ),
    ).toBeInstanceOf(ConflictError);
    expect(await auditEventsFor(app.db, [created.issueId], 'issue.update')).toMatchObject([
      {
        data: expect.objectContaining({
          changed: ['coverLabel', 'coverDate'],
          after: { coverLabel: 'Winter 2002', coverDate: '2002-12-01' },
        }),
      },
    ]);
  });

  it('lists issues with their state and counts in a fixed number of queries', async () => {
    const { issue, items } = await createReadyIssue(app.db, { perSection: 2 });
    await app.db.item.update({ where: { id: items[0]!.id }, data: { state: 'IN_REVIEW' } });
    const [rows, queries] = await app.countQueries(() => listIssues(people.editor));
    const row = rows.find((r) => r.id === issue.id);
    expect(row).toMatchObject({
      number: issue.number,
      state: 'IN_PRODUCTION',
      sectionCount: 3,
      itemCount: 6,
      itemsByState: { APPROVED: 5, IN_REVIEW: 1 },
    });
    expect(rows.map((r) => r.number)).toEqual([...rows.map((r) => r.number)].sort((a, b) => b - a));

    await createReadyIssue(app.db, { perSection: 3 });
    await createReadyIssue(app.db, { perSection: 1 });
    const [more, queriesAfter] = await app.countQueries(() => listIssues(people.editor));
    expect(more.length).toBeGreaterThan(rows.length);
    expect(queriesAfter).toBe(queries);
  });

  it('adds, renames and restricts sections; titles stay unique within the issue', async () => {
    const issue = await createIssueRow(app.db, { state: 'PLANNED', sections: ['Lead', 'Meetings and Policy'] });
    const added = await addSection(people.editor, issue.id, { title: 'Networking', acceptsKind: '' });
    expect(added).toMatchObject({ position: 2, version: issue.version + 1 });
    expect(
      (
        (await rejectionOf(
          addSection(people.editor, issue.id, { title: 'lead', acceptsKind: null }),
        )) as ValidationError
      ).fieldErrors.title,
    ).toBeDefined();
    expect(
      Object.keys(
        (
          (await rejectionOf(
            addSection(people.editor, issue.id, { title: ' ', acceptsKind: 'POEM' as never }),
          )) as ValidationError
        ).fieldErrors,
      ).sort(),
    ).toEqual(['acceptsKind', 'title']);

    await renameSection(people.editor, added.sectionId, 'Networking Column');
    expect(
      ((await rejectionOf(renameSection(people.editor, added.sectionId, 'Meetings and policy'))) as ValidationError)
        .fieldErrors.title,
    ).toBeDefined();

    const item = await createItem(app.db, {
      authorId: people.contributorUser.id,
      section: { id: added.sectionId, issueId: issue.id },
    });
    const kind = await setSectionKind(people.editor, added.sectionId, 'PUBLICATION_REVIEW');
    expect(kind.mismatchedItemIds).toEqual([item.id]);
    expect((await sectionRows(issue.id))[2]).toMatchObject({
      title: 'Networking Column',
      acceptsKind: 'PUBLICATION_REVIEW',
    });
    expect((await auditEventsFor(app.db, [issue.id])).map((e) => e.action)).toEqual([
      'issue.addSection',
      'issue.renameSection',
      'issue.setSectionKind',
    ]);
  });

  it('refuses to remove a section that holds items, saying so, and removes an empty one', async () => {
    const issue = await createIssueRow(app.db, { state: 'PLANNED', sections: ['Lead', 'Empty', 'Full', 'Last'] });
    const [empty, full] = [issue.sections[1]!, issue.sections[2]!];
    await createItem(app.db, { authorId: people.contributorUser.id, section: { id: full.id, issueId: issue.id } });
    await createItem(app.db, { authorId: people.contributorUser.id, section: { id: full.id, issueId: issue.id } });

    const refused = await rejectionOf(removeSection(people.editor, full.id));
    expect(refused).toBeInstanceOf(NotAllowedError);
    expect((refused as Error).message).toBe(
      'The section "Full" holds 2 items: move them to another section or remove them from the issue first.',
    );

    await removeSection(people.editor, empty.id);
    expect((await sectionRows(issue.id)).map((s) => [s.title, s.position])).toEqual([
      ['Lead', 0],
      ['Full', 1],
      ['Last', 2],
    ]);
    expect(await rejectionOf(removeSection(people.editor, empty.id))).toBeInstanceOf(NotFoundError);
  });

  it('moves sections up and down and saves a dragged order densely', async () => {
    const issue = await createIssueRow(app.db, { state: 'PLANNED', sections: ['A', 'B', 'C', 'D'] });
    const [a, b, c, d] = issue.sections.map((s) => s.id) as [string, string, string, string];
    expect(await moveSection(people.editor, c, 'up')).toMatchObject({ moved: true, order: [a, c, b, d] });
    expect(await moveSection(people.editor, a, 'up')).toMatchObject({ moved: false });
    expect(await reorderSections(people.editor, issue.id, [d, c, b, a])).toMatchObject({ order: [d, c, b, a] });
    expect((await sectionRows(issue.id)).map((s) => [s.id, s.position])).toEqual([
      [d, 0],
      [c, 1],
      [b, 2],
      [a, 3],
    ]);
    const stale = await rejectionOf(reorderSections(people.editor, issue.id, [a, b, c]));
    expect((stale as ConflictError<{ order: string[] }>).current.order).toEqual([d, c, b, a]);
    expect((await getIssueForDesk(people.editor, issue.id)).sections.map((s) => s.title)).toEqual(['D', 'C', 'B', 'A']);
  });

  it('refuses contributors (not allowed) and callers without an active account (not found)', async () => {
    const issue = await createIssueRow(app.db, { state: 'PLANNED', sections: ['Lead', 'Other'] });
    const [lead, other] = issue.sections.map((s) => s.id) as [string, string];
    const calls = (actor: typeof people.editor | null) => [
      suggestNextIssueNumber(actor),
      createIssue(actor, { number: 999_999, coverLabel: 'x' }),
      updateIssue(actor, issue.id, { number: issue.number, coverLabel: 'x' }, { expectedVersion: issue.version }),
      listIssues(actor),
      getIssueForDesk(actor, issue.id),
      addSection(actor, issue.id, { title: 'New' }),
      renameSection(actor, lead, 'New'),
      removeSection(actor, other),
      setSectionKind(actor, lead, 'ARTICLE'),
      moveSection(actor, lead, 'down'),
      reorderSections(actor, issue.id, [other, lead]),
    ];
    for (const call of calls(people.contributor)) expect(await rejectionOf(call)).toBeInstanceOf(NotAllowedError);
    for (const call of calls(people.anonymous)) expect(await rejectionOf(call)).toBeInstanceOf(NotFoundError);
    expect((await sectionRows(issue.id)).map((s) => s.title)).toEqual(['Lead', 'Other']);
  });
});
