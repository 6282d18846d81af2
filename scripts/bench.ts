/**
 * `npm run bench`: how long the public site's reads take, on a throwaway PostgreSQL holding the demo
 * content and a synthetic bulletin issue of 300 items, after the importer's parser on hostile sizes
 * (BENCH_ONLY=import for that alone); then the reader's search over a synthetic catalogue of 100,000
 * items in a database of its own (scripts/lib/bench-search.ts). Prints tables; asserts nothing (speed
 * is measured here, never in the test suite). BENCH_PART=search runs only the search part,
 * BENCH_PART=reads only the first (the e-mail edition, scripts/lib/bench-editions.ts, runs with the reads).
 * Last, the public site over HTTP (scripts/lib/bench-http.ts, BENCH_PART=http alone): 100 bulletin issues
 * of 40 items behind `next start` of the production build and the shipped nginx config, loaded by `wrk`,
 * printed as ratios against static files (needs `npx next build`, wrk and nginx).
 */
import { performance } from 'node:perf_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { startThrowawayPostgres } from './lib/local-postgres';
import { applyMigrations } from './lib/apply-migrations';
import { seedDemo } from '@/prisma/seed/demo';
import { docFromParagraphs, toPlainText } from '@/lib/rich-text/document';
import { benchImportParser } from './lib/bench-import';
import { benchSearch } from './lib/bench-search';
import { benchHttp } from './lib/bench-http';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const LARGE_ITEMS = 300;

benchImportParser(Number(process.env.BENCH_IMPORT_RUNS ?? 5));
if (process.env.BENCH_ONLY === 'import') process.exit(0);
const PART = process.env.BENCH_PART ?? 'all';

// What proxy.ts costs per request (scripts/lib/bench-proxy.ts); BENCH_PART=proxy runs only this.
if (PART === 'all' || PART === 'proxy') await (await import('./lib/bench-proxy')).benchProxy();
if (PART === 'proxy') process.exit(0);

// pg_stat_statements counts the SQL statements of a page render (the HTTP part).
const pg = await startThrowawayPostgres('bench', undefined, ['shared_preload_libraries=pg_stat_statements']);
try {
  if (PART === 'all' || PART === 'reads') await benchReads();
  if (PART === 'all' || PART === 'search') await benchSearch(pg);
  if (PART === 'all' || PART === 'http') await benchHttp(pg);
} finally {
  await pg.stop();
}

async function benchReads() {
  await pg.createDatabase('bench');
  const url = pg.url('bench');
  await applyMigrations(url);
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let queries = 0;
  db.$on('query', () => (queries += 1));
  (globalThis as unknown as { quireDb: PrismaClient }).quireDb = db;
  await seedDemo(db);

  // A large published issue: 300 items over five sections, a third of them meeting reports.
  const editor = await db.user.findUniqueOrThrow({ where: { email: 'editor@quire.test' } });
  const meeting = await db.meeting.create({
    data: {
      name: 'Bench meeting',
      startDate: new Date('2002-05-01'),
      endDate: new Date('2002-05-03'),
      city: 'Vienna',
      country: 'Austria',
    },
  });
  const big = await db.issue.create({
    data: {
      number: 900,
      coverLabel: 'Bench 2002',
      state: 'PUBLISHED',
      publishedAt: new Date(),
      sections: {
        create: ['Lead', 'Meetings', 'New', 'Other', 'Exchange'].map((title, position) => ({ title, position })),
      },
    },
    include: { sections: true },
  });
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) =>
      `Paragraph ${i + 1} of a bench item, long enough to look like a real summary of a report or a meeting in the bulletin.`,
  );
  const body = docFromParagraphs(paragraphs);
  await db.item.createMany({
    data: Array.from({ length: LARGE_ITEMS }, (_, i) => ({
      kind: i % 3 === 0 ? ('MEETING_REPORT' as const) : ('ARTICLE' as const),
      meetingId: i % 3 === 0 ? meeting.id : null,
      title: `Bench item ${i + 1}`,
      slug: `bench-item-${i + 1}`,
      standfirst: 'A standfirst for the bench.',
      body,
      bodyText: toPlainText(body),
      state: 'PUBLISHED' as const,
      publishedAt: new Date(),
      authorId: editor.id,
      issueId: big.id,
      sectionId: big.sections[i % 5]!.id,
      position: i,
    })),
  });

  const { getPublishedIssue, getPublishedItem, listPublishedIssues } = await import('@/lib/content/published');
  const { listFeedItems } = await import('@/lib/content/feed');
  const { renderRichText } = await import('@/lib/rich-text/render');

  async function measure(name: string, fn: () => Promise<unknown> | unknown) {
    await fn(); // warm up
    const times: number[] = [];
    let q = 0;
    for (let i = 0; i < RUNS; i++) {
      queries = 0;
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
      q = queries;
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
    return { name, queries: q, p50_ms: pct(50), p95_ms: pct(95), max_ms: times.at(-1)!.toFixed(2) };
  }

  const n25 = await getPublishedIssue(25);
  const rows = [
    await measure('issue N° 25 (15 items)', () => getPublishedIssue(25)),
    await measure(`issue N° 900 (${LARGE_ITEMS} items)`, () => getPublishedIssue(900)),
    await measure('one item page', () => getPublishedItem(25, n25!.sections[1]!.items[0]!.slug)),
    await measure('archive list', () => listPublishedIssues()),
    await measure('feed (50 newest)', () => listFeedItems()),
    await measure(`render ${LARGE_ITEMS} bodies to HTML`, () => {
      for (let i = 0; i < LARGE_ITEMS; i++) renderRichText(body);
    }),
  ];
  console.table(rows);

  // The e-mail edition: preparing and queueing for 50,000 subscribers, and delivery throughput.
  const { benchEditions } = await import('./lib/bench-editions');
  await benchEditions(db);
  await db.$disconnect();
}
