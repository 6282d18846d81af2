import { describe, expect, it } from 'vitest';
import type { Prisma } from '@/generated/prisma/client';
import type { ItemKind, TagKind } from '@/generated/prisma/enums';
import { useAppClient } from '../helpers/app-client';
import { actorOf } from '../helpers/app-client';
import { createUser } from '../helpers/factories';
import { createReaderIssue, createReaderItem, uniqueWord } from '../helpers/reader-fixtures';
import { publicItemSql, publicItemWhere } from '@/lib/authz/reader';
import { searchPublished } from '@/lib/content/search/search-published';
import { parseSearchQuery, type Facet, type SearchParams } from '@/lib/search/query';
import { getPublicTopic, listPublicTopics } from '@/lib/content/topics';
import { listFeedItems } from '@/lib/content/feed';
import { buildAtomFeed } from '@/lib/feed/atom';
import { getCalendarMeeting, listCalendarMeetings } from '@/lib/content/public-meetings';
import { buildMeetingsCalendar } from '@/lib/calendar/meetings-ics';
import { getCataloguePublication, listCataloguePublications } from '@/lib/content/public-publications';
import { formatCitations } from '@/lib/citation/citations';
import { listItems } from '@/lib/content/items/list-items';
import { getSettings } from '@/lib/content/published';

const { db } = useAppClient();
const search = (params: SearchParams) => searchPublished(parseSearchQuery(params));

describe('the reader gate in search', () => {
  it('selects in SQL exactly the rows publicItemWhere selects', async () => {
    const author = await createUser(db);
    const [published, inProduction, withdrawn] = await Promise.all([
      createReaderIssue(db),
      createReaderIssue(db, { state: 'IN_PRODUCTION' }),
      createReaderIssue(db, { state: 'WITHDRAWN' }),
    ]);
    for (const issue of [published, inProduction, withdrawn])
      for (const state of ['PUBLISHED', 'APPROVED', 'DRAFT'] as const)
        await createReaderItem(db, { authorId: author.id, section: issue.sections[0]!, state });
    await createReaderItem(db, { authorId: author.id, state: 'PUBLISHED' }); // in no issue at all
    const viaPrisma = (await db.item.findMany({ where: publicItemWhere, select: { id: true } })).map((r) => r.id);
    const viaSql = (await db.$queryRaw<{ id: string }[]>`SELECT i."id" FROM "Item" i WHERE ${publicItemSql('i')}`).map(
      (r) => r.id,
    );
    expect(viaSql.sort()).toEqual(viaPrisma.sort());
    expect(viaPrisma.length).toBeGreaterThan(0);
  });

  it('never shows a word found only in unpublished items: not in search, facets, topics, feeds, calendars or citations', async () => {
    const canary = uniqueWord('canary');
    const shared = uniqueWord();
    const author = await createUser(db);
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const published = await createReaderIssue(db);
    const inProduction = await createReaderIssue(db, { state: 'IN_PRODUCTION' });
    const withdrawn = await createReaderIssue(db, { state: 'WITHDRAWN' });
    await createReaderItem(db, {
      authorId: author.id,
      section: published.sections[0]!,
      title: 'Visible',
      paragraphs: [shared],
      tags: [{ kind: 'COUNTRY', name: `Country ${shared}` }],
    });

    // The canary is in every searchable field of every kind of unpublished item.
    const meeting = await db.meeting.create({
      data: {
        name: `Meeting ${canary}`,
        startDate: new Date('2002-05-01'),
        endDate: new Date('2002-05-02'),
        city: `City ${canary}`,
        country: `Country ${canary}`,
        organisers: `Organisers ${canary}`,
        participants: `Participants ${canary}`,
      },
    });
    const publication = await db.publication.create({
      data: { title: `Report ${canary}`, authors: `Ann ${canary}`, issuingBody: `Office ${canary}` },
    });
    const secretTag = { kind: 'THEME' as TagKind, name: `Theme ${canary}`, slug: `theme-${canary}` };
    const everything = {
      authorId: author.id,
      title: `Title ${canary}`,
      standfirst: `Standfirst ${canary}`,
      paragraphs: [`Body ${canary} ${shared}`],
      sources: [`Source ${canary}`],
      tags: [secretTag],
    };
    const placements = [
      { state: 'DRAFT' as const },
      { state: 'IN_REVIEW' as const, section: inProduction.sections[0]! },
      { state: 'APPROVED' as const, section: inProduction.sections[1]! },
      // Published rows of issues that are not (a state the workflow never leaves behind, but the gate must hold).
      { state: 'PUBLISHED' as const, section: inProduction.sections[0]! },
      { state: 'PUBLISHED' as const, section: withdrawn.sections[0]! },
      { state: 'APPROVED' as const, section: withdrawn.sections[0]! },
      // Not yet published items placed in a published issue.
      { state: 'APPROVED' as const, section: published.sections[1]! },
      { state: 'DRAFT' as const, section: published.sections[1]! },
    ];
    for (const [i, placement] of placements.entries()) {
      const kind: ItemKind = i % 3 === 0 ? 'MEETING_REPORT' : i % 3 === 1 ? 'PUBLICATION_REVIEW' : 'ARTICLE';
      await createReaderItem(db, {
        ...everything,
        ...placement,
        kind,
        meetingId: kind === 'MEETING_REPORT' ? meeting.id : undefined,
        publicationId: kind === 'PUBLICATION_REVIEW' ? publication.id : undefined,
      });
    }
    const leaks = (text: string) => text.toLowerCase().includes(canary);

    // The index holds them: the back office finds all of them.
    expect((await listItems(editor, { q: canary, pageSize: 100 })).total).toBe(placements.length);

    // Search and facets.
    for (const params of [
      { q: canary },
      { q: `"${canary}"` },
      { q: `${canary} OR ${shared}` },
      { theme: secretTag.slug },
    ]) {
      const outcome = await search(params);
      expect(leaks(JSON.stringify(outcome)), JSON.stringify(params)).toBe(false);
    }
    expect((await search({ q: canary })).total).toBe(0);
    const sharedOutcome = await search({ q: shared });
    expect(sharedOutcome.results.map((r) => r.title)).toEqual(['Visible']);
    expect(sharedOutcome.facets.kind).toEqual([{ value: 'article', label: 'ARTICLE', count: 1, selected: false }]);
    expect(sharedOutcome.facets.theme).toEqual([]);
    expect(sharedOutcome.facets.issue.map((v) => v.value)).toEqual([String(published.number)]);

    // Topics.
    expect(leaks(JSON.stringify(await listPublicTopics()))).toBe(false);
    expect(await getPublicTopic('THEME', secretTag.slug)).toBeNull();

    // Feeds: the site's and the topic's.
    const settings = await getSettings();
    const base = 'https://bulletin.example.org';
    expect(leaks(buildAtomFeed({ base, settings, items: await listFeedItems({ limit: 10_000 }) }))).toBe(false);
    expect(await listFeedItems({ tag: secretTag })).toEqual([]);

    // The meetings calendar and the publication catalogue.
    const meetings = await listCalendarMeetings();
    expect(leaks(buildMeetingsCalendar({ base, name: 'x', meetings }))).toBe(false);
    expect(await getCalendarMeeting(meeting.id)).toBeNull();
    const publications = await listCataloguePublications();
    for (const format of ['bibtex', 'ris', 'csl-json'] as const)
      expect(leaks(formatCitations(publications, format))).toBe(false);
    expect(await getCataloguePublication(publication.id)).toBeNull();
  });
});

describe('facet counts', () => {
  it('equal counts made independently, each facet applying every other facet but its own', async () => {
    const w = uniqueWord();
    const author = await createUser(db);
    const [older, newer] = [
      await createReaderIssue(db, { coverDate: new Date('2001-12-01'), coverLabel: 'Winter 2001' }),
      await createReaderIssue(db, { coverDate: new Date('2002-06-01'), coverLabel: 'Summer 2002' }),
    ];
    const countries = [`Alpha ${w}`, `Beta ${w}`, `Gamma ${w}`];
    const themes = [`Theme one ${w}`, `Theme two ${w}`];
    for (let i = 0; i < 14; i++) {
      const kind: ItemKind = (['ARTICLE', 'MEETING_REPORT', 'PUBLICATION_REVIEW'] as const)[i % 3]!;
      await createReaderItem(db, {
        authorId: author.id,
        section: (i % 2 ? older : newer).sections[i % 2]!,
        kind,
        meetingId: kind === 'MEETING_REPORT' ? (await db.meeting.create({ data: { name: `M ${i}` } })).id : undefined,
        publicationId:
          kind === 'PUBLICATION_REVIEW' ? (await db.publication.create({ data: { title: `P ${i}` } })).id : undefined,
        paragraphs: [`Item ${i} on ${w}.`],
        tags: [
          { kind: 'COUNTRY', name: countries[i % 3]! },
          ...(i % 4 === 0 ? [{ kind: 'COUNTRY' as const, name: countries[(i + 1) % 3]! }] : []),
          { kind: 'THEME', name: themes[i % 2]! },
          ...(i % 5 === 0 ? [{ kind: 'REGION' as const, name: `Region ${w}` }] : []),
        ],
      });
    }
    // Unpublished ones with the same word and tags count nowhere.
    await createReaderItem(db, {
      authorId: author.id,
      state: 'DRAFT',
      paragraphs: [w],
      tags: [{ kind: 'COUNTRY', name: countries[0]! }],
    });

    // The independent count: Prisma, the text found with a plain substring match, the gate's own filter.
    const conditionOf = (facet: Facet, value: string): Prisma.ItemWhereInput => {
      if (facet === 'kind') return { kind: value.toUpperCase() as ItemKind };
      if (facet === 'issue') return { section: { issue: { number: Number(value) } } };
      if (facet === 'year') {
        const y = Number(value);
        return {
          section: { issue: { coverDate: { gte: new Date(Date.UTC(y, 0, 1)), lt: new Date(Date.UTC(y + 1, 0, 1)) } } },
        };
      }
      return { tags: { some: { tag: { kind: facet.toUpperCase() as TagKind, slug: value } } } };
    };
    const independent = (chosen: [Facet, string][]) =>
      db.item.count({
        where: { AND: [publicItemWhere, { bodyText: { contains: w } }, ...chosen.map(([f, v]) => conditionOf(f, v))] },
      });

    const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const selections: [Facet, string][][] = [
      [],
      [['country', slug(countries[0]!)]],
      [
        ['country', slug(countries[1]!)],
        ['kind', 'article'],
      ],
      [
        ['theme', slug(themes[1]!)],
        ['year', '2001'],
      ],
      [
        ['issue', String(newer.number)],
        ['region', slug(`Region ${w}`)],
      ],
    ];
    for (const chosen of selections) {
      const outcome = await search({ q: w, ...Object.fromEntries(chosen) });
      expect(outcome.total, JSON.stringify(chosen)).toBe(await independent(chosen));
      for (const [facet, values] of Object.entries(outcome.facets) as [Facet, typeof outcome.facets.kind][]) {
        const others = chosen.filter(([f]) => f !== facet);
        for (const v of values) {
          expect(v.count, `${JSON.stringify(chosen)} ${facet}=${v.value}`).toBe(
            await independent([...others, [facet, v.value]]),
          );
          expect(v.selected).toBe(chosen.some(([f, value]) => f === facet && value === v.value));
        }
        // And no value with results is missing.
        expect(values.reduce((n, v) => n + v.count, 0)).toBeGreaterThanOrEqual(
          facet === 'kind' || facet === 'issue' || facet === 'year' ? await independent(others) : 0,
        );
      }
    }
  });
});
