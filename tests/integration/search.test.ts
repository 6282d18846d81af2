import { beforeAll, describe, expect, it } from 'vitest';
import { useAppClient } from '../helpers/app-client';
import { createUser } from '../helpers/factories';
import { createReaderIssue, createReaderItem, uniqueWord } from '../helpers/reader-fixtures';
import { searchPublished } from '@/lib/content/search/search-published';
import { parseSearchQuery, type SearchParams } from '@/lib/search/query';

const { db, countQueries } = useAppClient();

const search = (params: SearchParams) => searchPublished(parseSearchQuery(params));
const titlesFor = async (q: string) => (await search({ q })).results.map((r) => r.title).sort();

describe('search', () => {
  let authorId: string;
  let section: { id: string; issueId: string };
  beforeAll(async () => {
    authorId = (await createUser(db)).id;
    section = (await createReaderIssue(db)).sections[0]!;
  });

  it('stems English words: "trafficking" finds "trafficked", and the other way round', async () => {
    const w = uniqueWord();
    await createReaderItem(db, { authorId, section, title: `Stem ${w}`, paragraphs: [`Women were trafficked ${w}.`] });
    expect(await titlesFor(`trafficking ${w}`)).toEqual([`Stem ${w}`]);
    expect(await titlesFor(`traffickers ${w}`)).toEqual([`Stem ${w}`]);
    expect(await titlesFor(`traffic ${w}`)).toEqual([]); // another stem: not a match
  });

  it('folds accents both ways: "resume" finds "résumé" and "résumé" finds "resume", highlighted as written', async () => {
    const w = uniqueWord();
    await createReaderItem(db, { authorId, section, title: `Accented ${w}`, paragraphs: [`Her résumé ${w}.`] });
    await createReaderItem(db, { authorId, section, title: `Plain ${w}`, paragraphs: [`His resume ${w}.`] });
    expect(await titlesFor(`resume ${w}`)).toEqual([`Accented ${w}`, `Plain ${w}`]);
    expect(await titlesFor(`résumé ${w}`)).toEqual([`Accented ${w}`, `Plain ${w}`]);
    expect(await titlesFor(`RÉSUMÉ ${w}`)).toEqual([`Accented ${w}`, `Plain ${w}`]);
    const accented = (await search({ q: `resume ${w}` })).results.find((r) => r.title === `Accented ${w}`)!;
    expect(accented.snippet.filter((s) => s.highlight).map((s) => s.text)).toContain('résumé');
  });

  it('matches "quoted phrases" only as phrases', async () => {
    const w = uniqueWord();
    await createReaderItem(db, {
      authorId,
      section,
      title: `Phrase ${w}`,
      paragraphs: [`${w} temporary residence permit`],
    });
    await createReaderItem(db, {
      authorId,
      section,
      title: `Scattered ${w}`,
      paragraphs: [`${w} residence for a temporary worker needs a permit`],
    });
    expect(await titlesFor(`${w} "temporary residence permit"`)).toEqual([`Phrase ${w}`]);
    expect(await titlesFor(`${w} temporary residence permit`)).toEqual([`Phrase ${w}`, `Scattered ${w}`]);
    // An unbalanced quote is still a search, not an error.
    expect(await titlesFor(`${w} "temporary residence`)).toEqual([`Phrase ${w}`]);
  });

  it('takes OR and -exclusions', async () => {
    const [a, b, c] = [uniqueWord(), uniqueWord(), uniqueWord()];
    await createReaderItem(db, { authorId, section, title: `A ${a}`, paragraphs: [a] });
    await createReaderItem(db, { authorId, section, title: `B ${b}`, paragraphs: [b] });
    await createReaderItem(db, { authorId, section, title: `AC ${a}`, paragraphs: [`${a} ${c}`] });
    expect(await titlesFor(`${a} OR ${b}`)).toEqual([`A ${a}`, `AC ${a}`, `B ${b}`]);
    expect(await titlesFor(`${a} -${c}`)).toEqual([`A ${a}`]);
    expect(await titlesFor(`${a} or ${b}`)).toEqual([`A ${a}`, `AC ${a}`, `B ${b}`]);
    expect(await titlesFor(`${a} -${c} OR ${b}`)).toEqual([`A ${a}`, `B ${b}`]);
  });

  it('keeps markup in the text as text in the snippet, with only the matches marked', async () => {
    const w = uniqueWord();
    await createReaderItem(db, {
      authorId,
      section,
      title: `Markup ${w}`,
      paragraphs: [`It quoted <script>alert("x")</script> & <b>bold</b> text \uE000 about ${w}.`],
    });
    const [result] = (await search({ q: w })).results;
    expect(result!.snippet.map((s) => s.text).join('')).toContain('<script>alert("x")</script> & <b>bold</b>');
    expect(result!.snippet.filter((s) => s.highlight)).toEqual([{ text: w, highlight: true }]);
  });

  it('searches sources, tags, and the meeting and publication an item is about', async () => {
    const w = uniqueWord();
    const [source, tag, city, organiser, body] = [uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord()];
    const meeting = await db.meeting.create({
      data: { name: `Conference ${w}`, city, country: 'Austria', organisers: `The ${organiser} Foundation` },
    });
    const publication = await db.publication.create({ data: { title: `Report ${w}`, issuingBody: `${body} Office` } });
    await createReaderItem(db, { authorId, section, title: 'Sourced', sources: [`${source} Daily`] });
    await createReaderItem(db, { authorId, section, title: 'Tagged', tags: [{ kind: 'THEME', name: `Theme ${tag}` }] });
    await createReaderItem(db, { authorId, section, title: 'Reported', meetingId: meeting.id });
    await createReaderItem(db, { authorId, section, title: 'Reviewed', publicationId: publication.id });
    expect(await titlesFor(source)).toEqual(['Sourced']);
    expect(await titlesFor(tag)).toEqual(['Tagged']);
    expect(await titlesFor(city)).toEqual(['Reported']);
    expect(await titlesFor(organiser)).toEqual(['Reported']);
    expect(await titlesFor(body)).toEqual(['Reviewed']);
    expect(await titlesFor(w)).toEqual(['Reported', 'Reviewed']);
  });

  it('follows changes to related rows without the app recomputing anything', async () => {
    const [before, after, source, newSource] = [uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord()];
    const meeting = await db.meeting.create({ data: { name: `Meeting ${before}` } });
    const item = await createReaderItem(db, {
      authorId,
      section,
      title: `Follows ${before}`,
      meetingId: meeting.id,
      sources: [source],
      tags: [{ kind: 'COUNTRY', name: `Land ${before}` }],
    });
    await db.meeting.update({ where: { id: meeting.id }, data: { name: `Meeting ${after}` } });
    const tag = await db.tag.findFirstOrThrow({ where: { name: `Land ${before}` } });
    await db.tag.update({ where: { id: tag.id }, data: { name: `Land ${after}` } });
    await db.source.deleteMany({ where: { itemId: item.id } });
    await db.source.create({ data: { itemId: item.id, position: 0, name: newSource } });
    await db.item.update({ where: { id: item.id }, data: { title: 'Follows' } });
    expect(await titlesFor(before)).toEqual([]);
    expect(await titlesFor(source)).toEqual([]);
    expect(await titlesFor(after)).toEqual(['Follows']);
    expect(await titlesFor(newSource)).toEqual(['Follows']);
    // Writing the maintained column by hand changes nothing: the database puts its own value back.
    await db.$executeRaw`UPDATE "Item" SET "searchRelated" = to_tsvector('english', 'forged') WHERE "id" = ${item.id}`;
    expect(await titlesFor(newSource)).toEqual(['Follows']);
  });

  it('ranks title above standfirst above body, with a recency boost for newer issues', async () => {
    const w = uniqueWord();
    await createReaderItem(db, { authorId, section, title: `Body only`, paragraphs: [`Text ${w}.`] });
    await createReaderItem(db, { authorId, section, title: `Title ${w}` });
    await createReaderItem(db, { authorId, section, title: 'Standfirst only', standfirst: `About ${w}.` });
    expect((await search({ q: w })).results.map((r) => r.title)).toEqual([
      `Title ${w}`,
      'Standfirst only',
      'Body only',
    ]);

    const v = uniqueWord();
    const older = await createReaderIssue(db, { publishedAt: new Date('1999-01-01T00:00:00Z') });
    const newer = await createReaderIssue(db, { publishedAt: new Date('2030-01-01T00:00:00Z') });
    for (const [issue, title] of [
      [older, 'Older'],
      [newer, 'Newer'],
    ] as const)
      await createReaderItem(db, { authorId, section: issue.sections[0]!, title, paragraphs: [`Same text ${v}.`] });
    expect((await search({ q: v })).results.map((r) => r.title)).toEqual(['Newer', 'Older']);
    // Tidy: a far-future issue would boost nobody else's results, but keep the database ordinary.
    await db.item.updateMany({ where: { issueId: newer.id }, data: { state: 'APPROVED', publishedAt: null } });
    await db.issue.update({ where: { id: newer.id }, data: { state: 'WITHDRAWN', publishedAt: null } });
  });

  it('costs one query whatever the number of results and facets', async () => {
    const [small, large] = [uniqueWord(), uniqueWord()];
    for (let i = 0; i < 2; i++) await createReaderItem(db, { authorId, section, paragraphs: [small] });
    for (let i = 0; i < 30; i++)
      await createReaderItem(db, {
        authorId,
        section,
        paragraphs: [large],
        tags: [{ kind: 'COUNTRY', name: `Country ${i % 7}` }],
      });
    const [a, smallCost] = await countQueries(() => search({ q: small }));
    const [b, largeCost] = await countQueries(() => search({ q: large, country: 'country-3' }));
    expect(a.total).toBe(2);
    expect(b.total).toBe(4); // i % 7 === 3: 3, 10, 17, 24
    expect(b.facets.country.length).toBe(7);
    expect(smallCost).toBe(1);
    expect(largeCost).toBe(1);
  });

  it('bounds its cost: past the match cap it says so, past the rank cap results go on newest first', async () => {
    const w = uniqueWord();
    const titles = ['One', 'Two', 'Three', 'Four', 'Five'];
    const issues = [];
    for (let i = 0; i < titles.length; i++) {
      const issue = await createReaderIssue(db, { publishedAt: new Date(Date.UTC(2001, i, 1)) });
      issues.push(issue);
      await createReaderItem(db, {
        authorId,
        section: issue.sections[0]!,
        title: `${titles[i]} ${w}`,
        // The oldest item is the best match (its word three times), so ranking shows.
        paragraphs: [i === 0 ? `${w} ${w} ${w}` : `Some text ${w} and more text around it.`],
        publishedAt: new Date(Date.UTC(2001, i, 1)),
      });
    }
    const full = await searchPublished(parseSearchQuery({ q: w }));
    expect(full).toMatchObject({ total: 5, capped: false });
    expect(full.results[0]!.title).toBe(`One ${w}`);

    const capped = await searchPublished(parseSearchQuery({ q: w }), { matchCap: 3, rankCap: 300 });
    expect(capped).toMatchObject({ total: 3, capped: true });
    expect(Object.values(capped.facets.kind).reduce((n, v) => n + v.count, 0)).toBe(3);

    // Only the newest two are ranked; the oldest (best) match comes after them, by date.
    const ranked = await searchPublished(parseSearchQuery({ q: w }), { matchCap: 10_000, rankCap: 2 });
    expect(ranked.total).toBe(5);
    expect(ranked.results.map((r) => r.title.split(' ')[0])).toEqual(['Five', 'Four', 'Three', 'Two', 'One']);
  });
});
