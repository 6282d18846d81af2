/**
 * The search part of `npm run bench`: a synthetic catalogue of 100,000 published items (never in the
 * demo: a throwaway database of its own), generated in SQL with generate_series, then the reader's
 * search (lib/content/search) timed at 8 concurrent queries per query type, and EXPLAIN of the real
 * query showing the GIN index at work.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { applyMigrations } from './apply-migrations';
import type { LocalPostgres } from './local-postgres';

const ITEMS = Number(process.env.BENCH_SEARCH_ITEMS ?? 100_000);
const CONCURRENCY = 8;
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 25); // per worker and query type

// A vocabulary with a skewed (Zipf-like) use: the first words are in most items, the last in few.
const TOPICAL = [
  'trafficking',
  'migrants',
  'women',
  'victims',
  'police',
  'border',
  'report',
  'government',
  'smuggling',
  'children',
  'visa',
  'permit',
  'residence',
  'protection',
  'law',
  'court',
  'shelter',
  'return',
  'labour',
  'exploitation',
  'conference',
  'ministers',
  'network',
  'assistance',
  'prosecution',
  'research',
  'training',
  'cooperation',
  'legislation',
  'campaign',
  'hotline',
  'embassy',
  'asylum',
  'recruitment',
  'debt',
  'passport',
  'documents',
  'reintegration',
  'prevention',
  'awareness',
  'convention',
  'protocol',
  'directive',
  'ombudsman',
  'résumé',
  'naïve',
  'café',
  'Kyiv',
  'Chişinău',
  'Priština',
  'Tiraspol',
  'Bucureşti',
  'Zürich',
  'Genève',
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'tu', 'vi', 'sa', 'de', 'po', 'ri', 'ga', 'ze', 'bo', 'fi', 'hu'];
function vocabulary(): string[] {
  const words = [...TOPICAL];
  for (const a of SYLLABLES)
    for (const b of SYLLABLES) for (const c of ['n', 'r', 's', 'l', 'm', 'th', 'nd', 'x']) words.push(a + b + c);
  return words; // about 2,100 words
}

export async function generateSearchCatalogue(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const words = vocabulary();
  const started = performance.now();
  await client.query('BEGIN');
  // Bulk load. The tag links and sources go in before their items, with triggers (foreign keys and
  // the search triggers) off; then the items, triggers on, each getting its related words once.
  await client.query('SET LOCAL session_replication_role = replica');
  await client.query(`INSERT INTO "User" ("id", "email", "name", "role", "status", "updatedAt")
    VALUES ('bench-author', 'bench@example.test', 'Bench Author', 'EDITOR', 'ACTIVE', now())`);
  const issues = Math.ceil(ITEMS / 500);
  await client.query(
    `INSERT INTO "Issue" ("id", "number", "coverLabel", "coverDate", "state", "publishedAt", "updatedAt")
     SELECT 'bench-issue-' || n, 1000 + n, 'Quarter ' || (1 + n % 4) || ' ' || (1976 + n / 4),
       make_date(1976 + n / 4, 1 + (n % 4) * 3, 1), 'PUBLISHED', make_date(1976 + n / 4, 1 + (n % 4) * 3, 1), now()
     FROM generate_series(0, $1 - 1) n`,
    [issues],
  );
  await client.query(
    `INSERT INTO "Section" ("id", "issueId", "title", "position")
     SELECT 'bench-section-' || n || '-' || s, 'bench-issue-' || n, (ARRAY['Lead','Meetings and Policy','New Publications','Other Publications','Information Exchange'])[s + 1], s
     FROM generate_series(0, $1 - 1) n, generate_series(0, 4) s`,
    [issues],
  );
  await client.query(
    `INSERT INTO "Tag" ("id", "kind", "name", "slug")
     SELECT 'bench-tag-' || k || '-' || n, k::"TagKind", initcap(k) || ' ' || n, lower(k) || '-' || n
     FROM (VALUES ('COUNTRY', 60), ('REGION', 10), ('THEME', 20)) AS kinds(k, c), generate_series(1, c) n`,
  );
  await client.query(
    `INSERT INTO "Meeting" ("id", "name", "startDate", "endDate", "city", "country", "organisers", "updatedAt")
     SELECT 'bench-meeting-' || n, 'Conference ' || n || ' on cooperation', make_date(1976 + n % 50, 1 + n % 12, 1 + n % 27),
       make_date(1976 + n % 50, 1 + n % 12, 2 + n % 27), 'City ' || (n % 300), 'Country ' || (n % 60), 'Organiser ' || (n % 500), now()
     FROM generate_series(1, $1) n`,
    [Math.ceil(ITEMS / 20)],
  );
  await client.query(
    `INSERT INTO "Publication" ("id", "title", "authors", "issuingBody", "date", "kind", "updatedAt")
     SELECT 'bench-publication-' || n, 'Report ' || n || ' on protection', 'Author ' || (n % 900), 'Body ' || (n % 200),
       make_date(1976 + n % 50, 1, 1), 'RESEARCH_REPORT', now()
     FROM generate_series(1, $1) n`,
    [Math.ceil(ITEMS / 20)],
  );
  await client.query(
    // Tags spread by a hash of the item number, so that they do not line up with issues and years.
    `INSERT INTO "ItemTag" ("itemId", "tagId")
     SELECT 'bench-item-' || g, 'bench-tag-COUNTRY-' || (1 + abs(hashtext('c' || g)) % 60) FROM generate_series(1, $1) g
     UNION ALL SELECT 'bench-item-' || g, 'bench-tag-THEME-' || (1 + abs(hashtext('t' || g)) % 20) FROM generate_series(1, $1) g
     UNION ALL SELECT 'bench-item-' || g, 'bench-tag-REGION-' || (1 + abs(hashtext('r' || g)) % 10)
       FROM generate_series(1, $1) g WHERE g % 3 = 0`,
    [ITEMS],
  );
  await client.query(
    `INSERT INTO "Source" ("id", "itemId", "position", "name")
     SELECT 'bench-source-' || g, 'bench-item-' || g, 0, 'Newspaper ' || (g % 400) FROM generate_series(1, $1) g`,
    [ITEMS],
  );
  // The items last, with the triggers on again: each item's related words (tags, source, meeting or
  // publication, all in place by now) are computed once, as it is inserted.
  await client.query('SET LOCAL session_replication_role = DEFAULT');
  // Items. Words are drawn with a skew into a pool of 5,000 ten-word sentences, and each item is
  // made of pool sentences picked by arithmetic on its number: a title of one sentence, a standfirst
  // of two, a body of twelve (drawing 150 words for each of 100,000 rows one by one is what is slow).
  await client.query(
    `CREATE TEMP TABLE bench_pool ON COMMIT DROP AS
     WITH v AS (SELECT $1::text[] AS w, cardinality($1::text[]) AS n)
     SELECT s AS id, (SELECT string_agg(v.w[1 + floor(power(random(), 3) * v.n)::int], ' ')
                      FROM v, generate_series(1, 10) WHERE s >= 0) AS text
     FROM generate_series(0, 4999) s`,
    [words],
  );
  await client.query('ALTER TABLE bench_pool ADD PRIMARY KEY (id)');
  // The GIN indexes are built once at the end (as CREATE INDEX on a filled table), not row by row;
  // likewise the reader's index ("SearchEntry") is filled in one statement by the function its
  // triggers call, rather than by its per-row trigger on each of 100,000 inserts.
  await client.query('DROP INDEX "Item_search_idx"');
  await client.query('DROP INDEX "SearchEntry_search_idx"');
  await client.query('ALTER TABLE "Item" DISABLE TRIGGER "Item_search_entry_insert"');
  const sentence = (offset: number) => `(g * 7919 + ${offset}) % 5000`;
  const bodyIds = Array.from({ length: 12 }, (_, k) => sentence(104729 * (k + 3))).join(', ');
  await client.query(
    `INSERT INTO "Item" ("id", "kind", "title", "slug", "standfirst", "body", "bodyText", "state", "authorId",
       "issueId", "sectionId", "position", "meetingId", "publicationId", "publishedAt", "updatedAt")
     SELECT 'bench-item-' || g, kind::"ItemKind", t.title, 'bench-' || g, t.standfirst,
       jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
         'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', t.body))))),
       t.body, 'PUBLISHED', 'bench-author', 'bench-issue-' || (g % $2), 'bench-section-' || (g % $2) || '-' || (g % 5),
       g / $2, CASE WHEN kind = 'MEETING_REPORT' THEN 'bench-meeting-' || (1 + g % ($1 / 20)) END,
       CASE WHEN kind = 'PUBLICATION_REVIEW' THEN 'bench-publication-' || (1 + g % ($1 / 20)) END,
       make_date(1976 + (g % $2) / 4, 1 + ((g % $2) % 4) * 3, 1), now()
     FROM generate_series(1, $1) g
     CROSS JOIN LATERAL (SELECT (ARRAY['ARTICLE','MEETING_REPORT','PUBLICATION_REVIEW'])[1 + g % 3] AS kind) k
     CROSS JOIN LATERAL (
       SELECT
         (SELECT initcap(text) FROM bench_pool WHERE id = ${sentence(0)}) AS title,
         (SELECT string_agg(text, '. ') FROM bench_pool WHERE id IN (${sentence(31)}, ${sentence(62)})) AS standfirst,
         (SELECT string_agg(text, '. ') FROM bench_pool WHERE id IN (${bodyIds})) AS body
     ) t`,
    [ITEMS, issues],
  );
  await client.query('ALTER TABLE "Item" ENABLE TRIGGER "Item_search_entry_insert"');
  await client.query(`SELECT "search_entry_refresh"(ARRAY(SELECT "id" FROM "Item"))`);
  await client.query('CREATE INDEX "Item_search_idx" ON "Item" USING GIN ("search")');
  await client.query('CREATE INDEX "SearchEntry_search_idx" ON "SearchEntry" USING GIN ("search")');
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE');
  const { rows } = await client.query<{
    size: string;
    index: string;
    entries: string;
    entryHeap: string;
    entryIndex: string;
  }>(
    `SELECT pg_size_pretty(pg_total_relation_size('"Item"')) AS size, pg_size_pretty(pg_relation_size('"Item_search_idx"')) AS index,
       pg_size_pretty(pg_total_relation_size('"SearchEntry"')) AS entries, pg_size_pretty(pg_relation_size('"SearchEntry"')) AS "entryHeap",
       pg_size_pretty(pg_relation_size('"SearchEntry_search_idx"')) AS "entryIndex"`,
  );
  await client.end();
  return {
    seconds: ((performance.now() - started) / 1000).toFixed(1),
    tableSize: rows[0]!.size,
    indexSize: rows[0]!.index,
    entries: `${rows[0]!.entries} (rows ${rows[0]!.entryHeap}, its GIN index ${rows[0]!.entryIndex})`,
  };
}

export async function benchSearch(pg0: LocalPostgres) {
  await pg0.createDatabase('bench_search');
  const url = pg0.url('bench_search');
  await applyMigrations(url);
  console.log(`Generating ${ITEMS.toLocaleString('en-GB')} published items…`);
  const generated = await generateSearchCatalogue(url);
  console.log(`  done in ${generated.seconds} s; "Item" ${generated.tableSize}, its GIN index ${generated.indexSize}`);
  console.log(`  "SearchEntry" (the reader's index) ${generated.entries}`);

  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: CONCURRENCY + 2 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let lastQuery: { query: string; params: string } | null = null;
  let queries = 0;
  db.$on('query', (e) => {
    queries += 1;
    lastQuery = { query: e.query, params: e.params };
  });
  (globalThis as unknown as { quireDb: PrismaClient }).quireDb = db;
  const { searchPublished } = await import('@/lib/content/search/search-published');
  const { parseSearchQuery } = await import('@/lib/search/query');

  // Document frequency of the words, to label the query types honestly.
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  const share = async (q: string) => {
    const { rows } = await probe.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Item" WHERE "search" @@ websearch_to_tsquery('english_unaccent', $1)`,
      [q],
    );
    return rows[0]!.n;
  };
  const words = vocabulary();
  const rare = words.slice(-40);
  const middle = words.slice(600, 640);
  const common = words.slice(0, 8);
  const types: { name: string; params: (i: number) => Record<string, string> }[] = [
    { name: 'one word, rare', params: (i) => ({ q: rare[i % rare.length]! }) },
    { name: 'one word, typical', params: (i) => ({ q: middle[i % middle.length]! }) },
    { name: 'one word, very common', params: (i) => ({ q: common[i % common.length]! }) },
    { name: 'two words', params: (i) => ({ q: `${middle[i % middle.length]} ${middle[(i + 7) % middle.length]}` }) },
    { name: '"phrase"', params: (i) => ({ q: `"${middle[i % middle.length]} ${common[i % common.length]}"` }) },
    {
      name: 'word + country facet',
      params: (i) => ({ q: middle[i % middle.length]!, country: `country-${1 + (i % 60)}` }),
    },
    {
      name: 'word OR word -word',
      params: (i) => ({ q: `${rare[i % rare.length]} OR ${middle[i % middle.length]} -${common[0]}` }),
    },
    {
      name: 'facets only (browse)',
      params: (i) => ({ theme: `theme-${1 + (i % 20)}`, year: String(1976 + (i % 50)) }),
    },
    { name: 'one word, page 5', params: (i) => ({ q: middle[i % middle.length]!, page: '5' }) },
  ];

  // The plan of what search_entry_match runs (the matching, inside a function: EXPLAIN of the whole
  // query shows it as a Function Scan), with the function's own setting.
  const { MATCH_CAP } = await import('@/lib/content/search/search-published');
  const matchPlan = async (q: string) => {
    await probe.query('BEGIN');
    await probe.query('SET LOCAL enable_seqscan = off');
    const { rows: plan } = await probe.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT "itemId" FROM "SearchEntry" e
       WHERE e."search" @@ websearch_to_tsquery('english_unaccent', $1) LIMIT ${MATCH_CAP}`,
      [q],
    );
    await probe.query('COMMIT');
    return plan.map((r) => r['QUERY PLAN']);
  };

  const load = () => os.loadavg()[0]!.toFixed(1);
  const rows = [];
  for (const type of types) {
    await searchPublished(parseSearchQuery(type.params(0))); // warm up
    const times: number[] = [];
    let matched = 0;
    let calls = 0;
    let capped = 0;
    queries = 0;
    const loadBefore = load();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        for (let r = 0; r < ROUNDS; r++) {
          const i = worker * ROUNDS + r;
          const start = performance.now();
          const outcome = await searchPublished(parseSearchQuery(type.params(i)));
          times.push(performance.now() - start);
          matched += outcome.total;
          if (outcome.capped) capped += 1;
          calls += 1;
        }
      }),
    );
    const loadAfter = load();
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
    const sample = type.params(0).q;
    rows.push({
      type: type.name,
      'matches (mean)': Math.round(matched / calls),
      capped: `${Math.round((100 * capped) / calls)}%`,
      'word share': sample && !sample.includes(' ') ? `${((100 * (await share(sample))) / ITEMS).toFixed(1)}%` : '',
      GIN: sample
        ? (await matchPlan(sample)).some((l) => l.includes('SearchEntry_search_idx'))
          ? 'yes'
          : 'NO'
        : '(scan)',
      'queries/call': (queries / calls).toFixed(1),
      p50_ms: pct(50),
      p95_ms: pct(95),
      max_ms: times.at(-1)!.toFixed(1),
      load: `${loadBefore}→${loadAfter}`,
    });
  }
  console.log(
    `\nSearch over ${ITEMS.toLocaleString('en-GB')} items, ${CONCURRENCY} concurrent queries, ${CONCURRENCY * ROUNDS} calls per type ` +
      `(facet counts included) on ${os.cpus().length} cores; load = 1-minute load average before→after:`,
  );
  console.table(rows);

  // EXPLAIN of the real query (as the search ran it) for a typical word, and of its matching.
  await searchPublished(parseSearchQuery({ q: middle[0]! }));
  const captured = lastQuery as { query: string; params: string } | null;
  if (captured) {
    const params = JSON.parse(captured.params) as unknown[];
    const { rows: plan } = await probe.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${captured.query}`,
      params,
    );
    const lines = plan.map((r) => r['QUERY PLAN']);
    console.log(`\nEXPLAIN ANALYZE of the search for "${middle[0]}" (excerpt: the matches and the totals):`);
    const start = lines.findIndex((l) => l.includes('CTE matched'));
    // BENCH_SEARCH_PLAN=full prints the whole plan, to see where a query's time goes.
    if (process.env.BENCH_SEARCH_PLAN === 'full') console.log(lines.join('\n'));
    else console.log(lines.slice(Math.max(0, start), start + 4).join('\n'));
    console.log(lines.filter((l) => /Planning Time|Execution Time/.test(l)).join('\n'));
    for (const q of [middle[0]!, common[0]!, `"${middle[0]} ${common[0]}"`]) {
      const inner = await matchPlan(q);
      console.log(`\nEXPLAIN ANALYZE of the matching (search_entry_match) for ${q}:`);
      console.log(inner.join('\n'));
      if (!inner.some((l) => l.includes('SearchEntry_search_idx'))) console.log('!! the GIN index was not used');
    }
  }
  await probe.end();
  await db.$disconnect();
}
