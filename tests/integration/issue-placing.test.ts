import { PrismaPg } from '@prisma/adapter-pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { getIssueForDesk } from '@/lib/issues/get-issue-for-desk';
import { listPlaceableItems } from '@/lib/issues/list-placeable-items';
import { moveItem } from '@/lib/issues/move-item';
import { placeItem } from '@/lib/issues/place-item';
import { publishIssue } from '@/lib/issues/publish-issue';
import { removeItemFromIssue } from '@/lib/issues/remove-item-from-issue';
import { reorderItems } from '@/lib/issues/reorder-items';
import { createIssue, createItem } from '../helpers/factories';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { auditEventsFor, createLooseItem, createPeople, createReadyIssue } from '../helpers/issue-fixtures';

const app = useAppClient();
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

async function order(sectionId: string) {
  return app.db.item.findMany({
    where: { sectionId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, position: true },
  });
}

async function planned() {
  const issue = await createIssue(app.db, {
    state: 'PLANNED',
    sections: ['Lead', 'Meetings and Policy', 'New Publications'],
  });
  await app.db.section.update({ where: { id: issue.sections[2]!.id }, data: { acceptsKind: 'PUBLICATION_REVIEW' } });
  return issue;
}

describe('placing items in an issue', () => {
  it('appends the item to the section, starts production, bumps the version and audits it', async () => {
    const issue = await planned();
    const section = issue.sections[0]!;
    const a = await createLooseItem(app.db, people.contributorUser.id);
    const b = await createLooseItem(app.db, people.contributorUser.id, { state: 'DRAFT' });

    const first = await placeItem(people.editor, a.id, section.id);
    const second = await placeItem(people.editor, b.id, section.id);

    expect(first).toMatchObject({ position: 0, moved: true, version: issue.version + 1 });
    expect(second).toMatchObject({ position: 1, version: issue.version + 2 });
    expect(await order(section.id)).toEqual([
      { id: a.id, position: 0 },
      { id: b.id, position: 1 },
    ]);
    const row = await app.db.issue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(row).toMatchObject({ state: 'IN_PRODUCTION', version: issue.version + 2 });
    expect(await auditEventsFor(app.db, [a.id], 'item.place')).toMatchObject([
      { actorId: people.editor.id, data: expect.objectContaining({ issueId: issue.id, sectionId: section.id }) },
    ]);
    expect(await auditEventsFor(app.db, [issue.id], 'issue.startProduction')).toHaveLength(1);

    const placeable = await listPlaceableItems(people.editor, { query: a.title });
    expect(placeable.map((i) => i.id)).not.toContain(a.id);
  });

  it('moves an item to another section of the same issue and keeps both sections dense', async () => {
    const issue = await planned();
    const [lead, meetings] = [issue.sections[0]!, issue.sections[1]!];
    const items = [];
    for (let i = 0; i < 3; i++) items.push(await createLooseItem(app.db, people.contributorUser.id));
    for (const item of items) await placeItem(people.editor, item.id, lead.id);

    await placeItem(people.editor, items[0]!.id, meetings.id);

    expect(await order(lead.id)).toEqual([
      { id: items[1]!.id, position: 0 },
      { id: items[2]!.id, position: 1 },
    ]);
    expect(await order(meetings.id)).toEqual([{ id: items[0]!.id, position: 0 }]);
  });

  it('keeps an item in at most one issue, and refuses archived and published items', async () => {
    const one = await planned();
    const two = await planned();
    const item = await createLooseItem(app.db, people.contributorUser.id);
    await placeItem(people.editor, item.id, one.sections[0]!.id);

    const elsewhere = await rejectionOf(placeItem(people.editor, item.id, two.sections[0]!.id));
    expect(elsewhere).toBeInstanceOf(NotAllowedError);
    expect((elsewhere as Error).message).toContain(`N° ${one.number}`);

    const archived = await createLooseItem(app.db, people.contributorUser.id, { state: 'ARCHIVED' });
    expect(((await rejectionOf(placeItem(people.editor, archived.id, two.sections[0]!.id))) as Error).message).toMatch(
      /archived/,
    );

    const { issue: published, items } = await createReadyIssue(app.db);
    await publishIssue(people.editor, published.id, { expectedVersion: published.version });
    const publishedElsewhere = await rejectionOf(placeItem(people.editor, items[0]!.id, two.sections[0]!.id));
    expect((publishedElsewhere as Error).message).toContain(`published in N° ${published.number}`);

    // Nor does a published issue take new items.
    const loose = await createLooseItem(app.db, people.contributorUser.id);
    expect(
      ((await rejectionOf(placeItem(people.editor, loose.id, published.sections[0]!.id))) as Error).message,
    ).toMatch(/withdraw it/);
  });

  it('holds two editors placing one item into two issues at once to one placement', async () => {
    const one = await planned();
    const two = await planned();
    const item = await createLooseItem(app.db, people.contributorUser.id);
    const results = await Promise.allSettled([
      placeItem(people.editor, item.id, one.sections[0]!.id),
      placeItem(people.admin, item.id, two.sections[0]!.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toBeInstanceOf(
      NotAllowedError,
    );
    expect(await auditEventsFor(app.db, [item.id], 'item.place')).toHaveLength(1);
  });

  it('refuses an item of a kind the section does not accept, and a slug already used in the issue (on the slug field)', async () => {
    const issue = await planned();
    const article = await createLooseItem(app.db, people.contributorUser.id);
    const kind = await rejectionOf(placeItem(people.editor, article.id, issue.sections[2]!.id));
    expect(kind).toBeInstanceOf(ValidationError);
    expect((kind as ValidationError).fieldErrors.sectionId?.[0]).toMatch(/accepts only publication reviews/);

    const placed = await createLooseItem(app.db, people.contributorUser.id);
    await placeItem(people.editor, placed.id, issue.sections[0]!.id);
    await app.db.item.update({ where: { id: article.id }, data: { slug: placed.slug } });
    const slug = await rejectionOf(placeItem(people.editor, article.id, issue.sections[0]!.id));
    expect(slug).toBeInstanceOf(ValidationError);
    expect((slug as ValidationError).fieldErrors.slug).toEqual([
      `Another item in N° ${issue.number} already uses the slug "${placed.slug}": change this item's slug before placing it here.`,
    ]);
    expect((await app.db.item.findUniqueOrThrow({ where: { id: article.id } })).issueId).toBeNull();
  });

  it('takes an item out of its issue, but not a published one', async () => {
    const issue = await planned();
    const [a, b, c] = [
      await createLooseItem(app.db, people.contributorUser.id),
      await createLooseItem(app.db, people.contributorUser.id),
      await createLooseItem(app.db, people.contributorUser.id),
    ];
    for (const item of [a, b, c]) await placeItem(people.editor, item.id, issue.sections[0]!.id);

    expect(await removeItemFromIssue(people.editor, b.id)).toMatchObject({ removed: true });
    expect(await removeItemFromIssue(people.editor, b.id)).toEqual({ removed: false, version: null });
    expect(await order(issue.sections[0]!.id)).toEqual([
      { id: a.id, position: 0 },
      { id: c.id, position: 1 },
    ]);
    expect(
      await app.db.item.findUniqueOrThrow({
        where: { id: b.id },
        select: { issueId: true, sectionId: true, state: true },
      }),
    ).toEqual({ issueId: null, sectionId: null, state: 'APPROVED' });
    expect(await auditEventsFor(app.db, [b.id], 'item.removeFromIssue')).toHaveLength(1);

    const { issue: published, items } = await createReadyIssue(app.db);
    await publishIssue(people.editor, published.id, { expectedVersion: published.version });
    expect(await rejectionOf(removeItemFromIssue(people.editor, items[0]!.id))).toBeInstanceOf(NotAllowedError);
  });

  it('moves items up and down one step at a time; nothing happens at the edges', async () => {
    const issue = await planned();
    const section = issue.sections[1]!;
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push((await createItem(app.db, { authorId: people.contributorUser.id, section, position: i * 10 })).id);
    const [a, b, c] = ids as [string, string, string];

    expect(await moveItem(people.editor, c, 'up')).toMatchObject({ moved: true, order: [a, c, b] });
    expect(await moveItem(people.editor, a, 'up')).toMatchObject({ moved: false, order: [a, c, b] });
    expect(await moveItem(people.editor, b, 'down')).toMatchObject({ moved: false });
    expect(await moveItem(people.editor, a, 'down')).toMatchObject({ moved: true, order: [c, a, b] });
    expect(await order(section.id)).toEqual([
      { id: c, position: 0 },
      { id: a, position: 1 },
      { id: b, position: 2 },
    ]);
    expect(await auditEventsFor(app.db, [a, c], 'item.move')).toHaveLength(2);
  });

  it('saves a drag-and-drop order at once, densely, and it survives a reload', async () => {
    const issue = await planned();
    const section = issue.sections[0]!;
    const ids = [];
    // Gappy, duplicated positions, as an old import might leave them.
    for (const position of [5, 5, 9, 40])
      ids.push((await createItem(app.db, { authorId: people.contributorUser.id, section, position })).id);
    const wanted = [ids[3]!, ids[0]!, ids[2]!, ids[1]!];

    const saved = await reorderItems(people.editor, section.id, wanted);
    expect(saved.order).toEqual(wanted);

    // A new connection, as after a reload.
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('databaseUrl') }) });
    try {
      const rows = await other.item.findMany({
        where: { sectionId: section.id },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true, position: true },
      });
      expect(rows).toEqual(wanted.map((id, position) => ({ id, position })));
    } finally {
      await other.$disconnect();
    }
    const desk = await getIssueForDesk(people.editor, issue.id);
    expect(desk.sections[0]!.items.map((i) => i.id)).toEqual(wanted);
    expect(await auditEventsFor(app.db, [issue.id], 'issue.reorderItems')).toHaveLength(1);
  });

  it('refuses an order that does not name exactly the items there now, with the current order', async () => {
    const issue = await planned();
    const section = issue.sections[0]!;
    const a = (await createItem(app.db, { authorId: people.contributorUser.id, section, position: 0 })).id;
    const b = (await createItem(app.db, { authorId: people.contributorUser.id, section, position: 1 })).id;
    for (const wrong of [[b], [b, a, a], [b, 'someone-else'], [b, a, 'extra']]) {
      const error = await rejectionOf(reorderItems(people.editor, section.id, wrong));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError<{ order: string[] }>).current.order).toEqual([a, b]);
    }
    expect(await order(section.id)).toEqual([
      { id: a, position: 0 },
      { id: b, position: 1 },
    ]);
  });

  it('keeps positions dense and distinct under many concurrent moves', async () => {
    const issue = await planned();
    const section = issue.sections[0]!;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await createItem(app.db, { authorId: people.contributorUser.id, section, position: i })).id);

    const moves = [
      ...ids.map((id, i) => moveItem(i % 2 ? people.editor : people.admin, id, i % 3 ? 'up' : 'down')),
      reorderItems(people.editor, section.id, [...ids].reverse()),
      ...ids.slice(0, 3).map((id) => moveItem(people.admin, id, 'down')),
    ];
    const results = await Promise.allSettled(moves);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);

    const rows = await order(section.id);
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
  });

  it('is refused to contributors, even for their own items (not allowed), and to anonymous callers (not found)', async () => {
    const issue = await planned();
    const own = await createLooseItem(app.db, people.contributorUser.id);
    const placed = await createItem(app.db, {
      authorId: people.contributorUser.id,
      section: issue.sections[0]!,
      position: 0,
    });
    const calls = (actor: typeof people.editor | null) => [
      placeItem(actor, own.id, issue.sections[0]!.id),
      removeItemFromIssue(actor, placed.id),
      moveItem(actor, placed.id, 'down'),
      reorderItems(actor, issue.sections[0]!.id, [placed.id]),
      listPlaceableItems(actor),
      getIssueForDesk(actor, issue.id),
    ];
    for (const call of calls(people.contributor)) expect(await rejectionOf(call)).toBeInstanceOf(NotAllowedError);
    for (const call of calls(people.anonymous)) expect(await rejectionOf(call)).toBeInstanceOf(NotFoundError);
    for (const call of calls(people.deactivated)) expect(await rejectionOf(call)).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(placeItem(people.editor, 'no-such-item', issue.sections[0]!.id))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejectionOf(placeItem(people.editor, own.id, 'no-such-section'))).toBeInstanceOf(NotFoundError);
  });
});
