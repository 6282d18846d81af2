/**
 * The reader's search index, "SearchEntry" (migration …_search_entry): one row per public item, kept
 * by database triggers. Each path that makes an item public or not, or changes what its row holds,
 * goes through the app's own functions (publishing and unpublishing an issue, an item's unpublish
 * transition, an editor's correction, a tag change) or, for what only the database can do alone, a
 * plain UPDATE; after each, the row is what the item is, and the reader's search agrees.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { publicItemWhere } from '@/lib/authz/reader';
import { updateItem } from '@/lib/content/items/update-item';
import { searchPublished } from '@/lib/content/search/search-published';
import { publishIssue } from '@/lib/issues/publish-issue';
import { unpublishIssue } from '@/lib/issues/unpublish-issue';
import { docFromParagraphs } from '@/lib/rich-text/document';
import { parseSearchQuery } from '@/lib/search/query';
import { fireTransition } from '@/lib/workflow/transition';
import { actorOf, useAppClient } from '../helpers/app-client';
import { createIssue, createUser } from '../helpers/factories';
import { createReaderIssue, createReaderItem, uniqueWord } from '../helpers/reader-fixtures';

// A database of its own: the last test compares the whole table with the reader gate.
const app = useAppClient({ fresh: true });
let db: Db;
beforeAll(() => {
  db = app.db;
});

type Entry = { itemId: string; kind: string; issueNumber: number; year: number | null; tagIds: string[] };
async function entryOf(itemId: string): Promise<Entry | null> {
  const rows = await db.$queryRaw<Entry[]>`
    SELECT "itemId", "kind"::text AS kind, "issueNumber", "year", "tagIds" FROM "SearchEntry" WHERE "itemId" = ${itemId}`;
  return rows[0] ?? null;
}
async function found(word: string): Promise<string[]> {
  return (await searchPublished(parseSearchQuery({ q: word }))).results.map((r) => r.id);
}

async function editor() {
  return actorOf(await createUser(db, 'EDITOR'));
}

/** An issue in production with one approved item in it, holding `word`. */
async function issueWithApprovedItem(word: string) {
  const author = await createUser(db);
  const issue = await createIssue(db, { state: 'IN_PRODUCTION', sections: ['Lead'] });
  const item = await createReaderItem(db, {
    authorId: author.id,
    section: issue.sections[0]!,
    state: 'APPROVED',
    title: `Approved ${word}`,
    tags: [{ kind: 'COUNTRY', name: `Country ${word}` }],
  });
  return { issue, item };
}

describe('the search index follows every change', () => {
  it('publishing an issue adds its items; unpublishing (withdrawing) it takes them out', async () => {
    const word = uniqueWord();
    const { issue, item } = await issueWithApprovedItem(word);
    expect(await entryOf(item.id)).toBeNull();
    expect(await found(word)).toEqual([]);

    const me = await editor();
    await publishIssue(me, issue.id, { expectedVersion: issue.version });
    const entry = await entryOf(item.id);
    expect(entry).toMatchObject({ itemId: item.id, kind: 'ARTICLE', issueNumber: issue.number });
    expect(entry!.tagIds).toHaveLength(1);
    expect(await found(word)).toEqual([item.id]);

    const published = await db.issue.findUniqueOrThrow({ where: { id: issue.id } });
    await unpublishIssue(me, issue.id, { expectedVersion: published.version });
    expect(await entryOf(item.id)).toBeNull();
    expect(await found(word)).toEqual([]);
  });

  it("an item's unpublish transition takes it out, and the issue's other items stay", async () => {
    const word = uniqueWord();
    const author = await createUser(db);
    const issue = await createReaderIssue(db);
    const [gone, kept] = await Promise.all(
      ['Gone', 'Kept'].map((t) =>
        createReaderItem(db, { authorId: author.id, section: issue.sections[0]!, title: `${t} ${word}` }),
      ),
    );
    expect((await found(word)).sort()).toEqual([gone!.id, kept!.id].sort());
    await fireTransition(await editor(), gone!.id, 'unpublish', { expectedVersion: gone!.version });
    expect(await entryOf(gone!.id)).toBeNull();
    expect(await found(word)).toEqual([kept!.id]);
  });

  it("a correction of a published item's text and tags is found at once, the old words no more", async () => {
    const before = uniqueWord();
    const after = uniqueWord();
    const author = await createUser(db);
    const issue = await createReaderIssue(db);
    const item = await createReaderItem(db, {
      authorId: author.id,
      section: issue.sections[0]!,
      title: `Correct ${before}`,
      tags: [{ kind: 'THEME', name: `Theme ${before}` }],
    });
    expect(await found(before)).toEqual([item.id]);
    const oldTags = (await entryOf(item.id))!.tagIds;

    await updateItem(await editor(), item.id, {
      expectedVersion: item.version,
      fields: {
        title: `Corrected ${after}`,
        standfirst: '',
        body: docFromParagraphs(['Corrected text.']),
        tags: [{ kind: 'REGION', name: `Region ${after}` }],
        sources: [],
      },
    });
    expect(await found(before)).toEqual([]);
    expect(await found(after)).toEqual([item.id]);
    const entry = (await entryOf(item.id))!;
    expect(entry.tagIds).toHaveLength(1);
    expect(entry.tagIds).not.toEqual(oldTags);
    const regionSlug = (await db.tag.findUniqueOrThrow({ where: { id: entry.tagIds[0]! } })).slug;
    const byRegion = await searchPublished(parseSearchQuery({ q: after, region: regionSlug }));
    expect(byRegion.results.map((r) => r.id)).toEqual([item.id]);
  });

  it('a tag link added or removed by itself changes the row, and the facet with it', async () => {
    const word = uniqueWord();
    const author = await createUser(db);
    const issue = await createReaderIssue(db);
    const item = await createReaderItem(db, {
      authorId: author.id,
      section: issue.sections[0]!,
      title: `Tags ${word}`,
    });
    expect((await entryOf(item.id))!.tagIds).toEqual([]);
    const tag = await db.tag.create({ data: { kind: 'COUNTRY', name: `Country ${word}`, slug: `country-${word}` } });
    await db.itemTag.create({ data: { itemId: item.id, tagId: tag.id } });
    expect((await entryOf(item.id))!.tagIds).toEqual([tag.id]);
    const facet = (await searchPublished(parseSearchQuery({ q: word }))).facets.country;
    expect(facet).toEqual([expect.objectContaining({ value: tag.slug, count: 1 })]);

    await db.itemTag.deleteMany({ where: { itemId: item.id } });
    expect((await entryOf(item.id))!.tagIds).toEqual([]);
    expect((await searchPublished(parseSearchQuery({ q: word }))).facets.country).toEqual([]);
  });

  it('an issue renumbered or redated moves its rows; an issue or item changed behind the app is followed too', async () => {
    const word = uniqueWord();
    const author = await createUser(db);
    const issue = await createReaderIssue(db, { coverDate: new Date('2002-06-01') });
    const item = await createReaderItem(db, {
      authorId: author.id,
      section: issue.sections[0]!,
      title: `Moves ${word}`,
    });
    expect(await entryOf(item.id)).toMatchObject({ issueNumber: issue.number, year: 2002 });

    await db.issue.update({
      where: { id: issue.id },
      data: { number: issue.number + 50_000, coverDate: new Date('1999-03-01') },
    });
    expect(await entryOf(item.id)).toMatchObject({ issueNumber: issue.number + 50_000, year: 1999 });

    await db.issue.update({ where: { id: issue.id }, data: { state: 'WITHDRAWN' } });
    expect(await entryOf(item.id)).toBeNull();
    await db.issue.update({ where: { id: issue.id }, data: { state: 'PUBLISHED' } });
    expect(await entryOf(item.id)).not.toBeNull();

    await db.item.update({ where: { id: item.id }, data: { state: 'ARCHIVED' } });
    expect(await entryOf(item.id)).toBeNull();
    await db.item.update({ where: { id: item.id }, data: { state: 'PUBLISHED' } });
    expect(await entryOf(item.id)).toMatchObject({ itemId: item.id, kind: 'ARTICLE' });

    await db.item.delete({ where: { id: item.id } });
    expect(await entryOf(item.id)).toBeNull();
  });

  it('holds exactly the items the reader gate lets through, nothing else', async () => {
    const author = await createUser(db);
    const issues = await Promise.all([
      createReaderIssue(db),
      createReaderIssue(db, { state: 'IN_PRODUCTION' }),
      createReaderIssue(db, { state: 'WITHDRAWN' }),
    ]);
    for (const issue of issues)
      for (const state of ['PUBLISHED', 'APPROVED', 'DRAFT'] as const)
        await createReaderItem(db, { authorId: author.id, section: issue.sections[0]!, state });
    await createReaderItem(db, { authorId: author.id, state: 'PUBLISHED' }); // in no issue
    const gate = (await db.item.findMany({ where: publicItemWhere, select: { id: true } })).map((r) => r.id).sort();
    const index = (await db.$queryRaw<{ itemId: string }[]>`SELECT "itemId" FROM "SearchEntry"`).map((r) => r.itemId);
    expect(index.sort()).toEqual(gate);
    expect(gate.length).toBeGreaterThan(0);
  });
});
