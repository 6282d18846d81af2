/**
 * The public site over HTTP, at the scale of a long-running bulletin (BENCH_PART=http): 100 published
 * bulletin issues of 40 items with realistic bodies, generated into a throwaway database, served by
 * `next start` of the production build (run `npx next build` first) and by the shipped nginx config
 * (deploy/nginx/quire.conf) in front of it. Load comes from `wrk` (Debian), a C program with a fixed
 * number of connections, not from Node sharing the server's CPU. Everything is measured side by side in
 * this one run and printed as ratios:
 *  - `/issues/N` through Next vs a static file of the same bytes served by the same `next start`;
 *  - the same page through quire.conf vs nginx serving the saved HTML;
 *  - uncached renders of 40-item issues (each issue asked for once: p50, p95), and the number of SQL
 *    statements per render for 10 and for 40 items (pg_stat_statements);
 *  - publish-to-visible: an issue published (by the scheduler inside the Next process, as in
 *    production) until a reader's request through Next and through nginx shows it. Counted from the
 *    issue's publishedAt (the scheduler's clock when it starts the publishing transaction), so it
 *    includes that transaction and the render of the answer that first shows the issue.
 * Asserts nothing; prints what it saw, including the hardware and the load average at the start.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { seedDemo } from '@/prisma/seed/demo';
import { docFromParagraphs, toPlainText } from '@/lib/rich-text/document';
import { applyMigrations } from './apply-migrations';
import type { LocalPostgres } from './local-postgres';
import { startNginx } from './nginx';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASE_PORT = Number(process.env.BENCH_HTTP_PORT ?? 3143);
const NEXT_PORT = BASE_PORT;
const NGINX_PORT = BASE_PORT + 1;
const NGINX_STATIC_PORT = BASE_PORT + 2;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 32);
const ISSUES = 100;
const ITEMS = 40;
const SMALL_ITEMS = 10;
const FIRST = 1001; // bulletin issues 1001…1100: 40 items each
const SMALL_FIRST = 2001; // 2001…2005: 10 items each (query count against size)
const PUBLISH_FIRST = 3001; // 3001…3003: approved, published by the scheduler during the bench

export async function benchHttp(pg: LocalPostgres) {
  const missing = [
    ['wrk', 'apt-get install wrk'],
    [process.env.NGINX_BINARY ?? '/usr/sbin/nginx', 'apt-get install nginx-light'],
  ].filter(([bin]) => !which(bin!));
  if (missing.length > 0)
    throw new Error(`bench (http): missing ${missing.map(([b, fix]) => `${b} (${fix})`).join(', ')}`);
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID')))
    throw new Error('bench (http): no production build in .next: run `npx next build` first.');

  console.log('\n== The public site over HTTP (wrk, next start, nginx with deploy/nginx/quire.conf)');
  console.table([hardware()]);

  await pg.createDatabase('bench_http');
  const url = pg.url('bench_http');
  await applyMigrations(url);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await db.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const started = performance.now();
  await seedDemo(db);
  await generateBulletins(db);
  console.log(
    `generated ${ISSUES} bulletin issues of ${ITEMS} items in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const publicDir = path.join(ROOT, 'public');
  const hadPublicDir = existsSync(publicDir);
  const staticName = `bench-issue-${process.pid}.html`;
  const nginxStatic = await mkdtemp(path.join(os.tmpdir(), 'quire-bench-static-'));
  let next: ChildProcess | undefined;
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const page = `/issues/${FIRST + ISSUES / 2}`;
  try {
    // 1. The page's HTML, saved: next start serves the files public/ holds when it starts.
    next = await startNext(url, { scheduler: false });
    const html = await (await fetch(`http://127.0.0.1:${NEXT_PORT}${page}`)).text();
    if (!html.includes(`Bench bulletin ${FIRST + ISSUES / 2}`)) throw new Error(`bench (http): ${page} did not render`);
    await mkdir(publicDir, { recursive: true });
    await writeFile(path.join(publicDir, staticName), html);
    await writeFile(path.join(nginxStatic, 'issue.html'), html);
    await stopNext(next);
    next = await startNext(url, { scheduler: true });
    const served = await fetch(`http://127.0.0.1:${NEXT_PORT}/${staticName}`);
    if (served.status !== 200 || (await served.text()) !== html)
      throw new Error(`bench (http): next start does not serve public/${staticName} (${served.status})`);
    nginx = await startNginx({
      upstream: `127.0.0.1:${NEXT_PORT}`,
      port: NGINX_PORT,
      extraServer: `server { listen 127.0.0.1:${NGINX_STATIC_PORT}; root ${nginxStatic}; location / { try_files $uri =404; } }`,
    });
    console.log(`page ${page}: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML`);

    // 2. Uncached renders: SQL statements of the first five 40-item issues (each rendered once, so
    // never from the cache), then every other 40-item issue asked for once, one request at a time.
    for (const warm of ['/', '/issues', '/issues/25']) await fetch(`http://127.0.0.1:${NEXT_PORT}${warm}`);
    const small = await queriesPerRender(db, SMALL_FIRST, 5);
    const large = await queriesPerRender(db, FIRST, 5);
    const times: number[] = [];
    for (let n = FIRST + 5; n < FIRST + ISSUES; n++) {
      const t = performance.now();
      const r = await fetch(`http://127.0.0.1:${NEXT_PORT}/issues/${n}`);
      await r.arrayBuffer();
      times.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`bench (http): /issues/${n} answered ${r.status}`);
    }
    console.table([
      {
        what: `uncached render, ${ITEMS}-item issue (${ISSUES - 5} issues, once each)`,
        p50_ms: pct(times, 50).toFixed(1),
        p95_ms: pct(times, 95).toFixed(1),
        max_ms: Math.max(...times).toFixed(1),
        goal: 'p95 <= 150 ms',
      },
    ]);
    console.table([
      { items: SMALL_ITEMS, sql_statements_per_render: small },
      { items: ITEMS, sql_statements_per_render: large },
    ]);

    // 3. Throughput, side by side.
    const runs = [
      { name: `Next ${page}`, url: `http://127.0.0.1:${NEXT_PORT}${page}` },
      { name: `Next /${staticName} (same bytes)`, url: `http://127.0.0.1:${NEXT_PORT}/${staticName}` },
      { name: `nginx quire.conf ${page}`, url: `http://127.0.0.1:${NGINX_PORT}${page}` },
      { name: 'nginx static file (same bytes)', url: `http://127.0.0.1:${NGINX_STATIC_PORT}/issue.html` },
    ];
    const results = [];
    for (const run of runs) {
      await idle(next);
      wrk(run.url, 2); // warm-up (and fills a cache, when the page may be cached)
      await idle(next);
      results.push({ name: run.name, ...wrk(run.url, SECONDS) });
    }
    await idle(next);
    const [nextPage, nextFile, nginxPage, nginxFile] = [results[0]!, results[1]!, results[2]!, results[3]!];
    console.table(
      results.map((r) => ({
        what: r.name,
        'req/s': r.rps.toFixed(r.rps < 100 ? 1 : 0),
        p50_ms: r.p50,
        p99_ms: r.p99,
        errors: r.errors,
      })),
    );
    console.table([
      {
        ratio: 'Next page / Next static file',
        value: `${((100 * nextPage.rps) / nextFile.rps).toFixed(1)} %`,
        goal: '>= 90 % (with caching)',
      },
      {
        ratio: 'nginx quire.conf page / nginx static file',
        value: `${((100 * nginxPage.rps) / nginxFile.rps).toFixed(1)} %`,
        goal: '>= 80 %',
      },
    ]);

    // 4. Publish to visible, through Next and through nginx.
    const latencies = [];
    for (let n = PUBLISH_FIRST; n < PUBLISH_FIRST + 3; n++) latencies.push(await publishToVisible(db, n));
    console.table(latencies);
  } finally {
    await nginx?.stop();
    if (next) await stopNext(next);
    await rm(path.join(publicDir, staticName), { force: true });
    if (!hadPublicDir) await rm(publicDir, { recursive: true, force: true });
    await rm(nginxStatic, { recursive: true, force: true });
    await db.$disconnect();
  }
}

function which(bin: string): boolean {
  if (bin.includes('/')) return existsSync(bin);
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function hardware() {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  return {
    nproc: os.availableParallelism(),
    cpu,
    memory_GiB: (os.totalmem() / 2 ** 30).toFixed(1),
    load_average: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    node: process.version,
    wrk: `-t2 -c${CONNECTIONS} -d${SECONDS}s`,
  };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

type Wrk = { rps: number; p50: string; p99: string; errors: number };

function wrk(url: string, seconds: number): Wrk {
  // A 30 s timeout: an uncached page on a loaded machine can take seconds under 32 connections, and
  // wrk's default (2 s) would count every such answer as an error instead of a slow success.
  const out = execFileSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '30s', '--latency', url], {
    encoding: 'utf8',
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const latency = (p: number) => new RegExp(`\\s${p}%\\s+([\\d.]+\\w+)`).exec(out)?.[1] ?? '?';
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { rps, p50: latency(50), p99: latency(99), errors };
}

const require = createRequire(import.meta.url);

async function startNext(databaseUrl: string, opts: { scheduler: boolean }): Promise<ChildProcess> {
  const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '--port', String(NEXT_PORT)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${NEXT_PORT}`,
      NEXTAUTH_SECRET: 'bench-only-secret-not-for-production-use-0000',
      QUIRE_SCHEDULER: opts.scheduler ? 'on' : 'off',
      QUIRE_SCHEDULER_INTERVAL_MS: '1000',
      QUIRE_EDITION_RUNNER: 'off',
    },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench (http): next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${NEXT_PORT}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bench (http): next start did not answer on ${NEXT_PORT} within 60 s`);
}

/** Waits until the server has worked off what wrk left queued (requests wrk gave up on still render). */
async function idle(child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`bench (http): next start stopped (${child.exitCode ?? child.signalCode})`);
    const t = performance.now();
    try {
      await (await fetch(`http://127.0.0.1:${NEXT_PORT}/api/health`)).arrayBuffer();
      if (performance.now() - t < 200) return;
    } catch {
      // busy or restarting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stopNext(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

/** SQL statements the app runs for one uncached render: the fewest of `tries` issues (the scheduler polls too). */
async function queriesPerRender(db: PrismaClient, firstNumber: number, tries: number): Promise<number> {
  let fewest = Infinity;
  for (let n = firstNumber; n < firstNumber + tries; n++) {
    await db.$queryRawUnsafe('SELECT pg_stat_statements_reset()');
    const r = await fetch(`http://127.0.0.1:${NEXT_PORT}/issues/${n}`);
    await r.arrayBuffer();
    const [row] = await db.$queryRawUnsafe<{ calls: bigint | null }[]>(
      `SELECT sum(calls) AS calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname = current_database() AND s.query NOT ILIKE '%pg_stat_statements%'`,
    );
    fewest = Math.min(fewest, Number(row?.calls ?? 0));
  }
  return fewest;
}

async function publishToVisible(db: PrismaClient, number: number) {
  const path = `/issues/${number}`;
  const targets = { next: `http://127.0.0.1:${NEXT_PORT}${path}`, nginx: `http://127.0.0.1:${NGINX_PORT}${path}` };
  // Readers have asked for it before (a 404, cached where the app allows).
  for (let i = 0; i < 3; i++) for (const u of Object.values(targets)) await (await fetch(u)).arrayBuffer();
  await db.issue.update({ where: { number }, data: { scheduledAt: new Date() } });
  const seen = await Promise.all(
    Object.values(targets).map(async (u) => {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        try {
          const r = await fetch(u);
          await r.arrayBuffer();
          if (r.status === 200) return Date.now();
        } catch {
          // a dropped connection counts as not yet visible
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return null;
    }),
  );
  const issue = await db.issue.findUniqueOrThrow({ where: { number } });
  const after = (t: number | null) =>
    t === null || !issue.publishedAt ? 'not seen in 15 s' : `${t - issue.publishedAt.getTime()} ms`;
  return { issue: path, 'published → visible (Next)': after(seen[0]!), 'published → visible (nginx)': after(seen[1]!) };
}

// ---------------------------------------------------------------------------------------------------
// Synthetic bulletins: words and shapes of a bulletin on migrant smuggling and trafficking, varied by a
// seeded generator so every item is different and the run is repeatable.

function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SUBJECTS = [
  'The ministry',
  'A regional working group',
  'The border police',
  'An NGO coalition',
  'The rapporteur',
  'Prosecutors',
  'The expert meeting',
  'A new study',
  'The task force',
  'Local authorities',
];
const VERBS = [
  'reported',
  'proposed',
  'reviewed',
  'documented',
  'announced',
  'questioned',
  'recommended',
  'examined',
  'described',
  'welcomed',
];
const OBJECTS = [
  'a rise in irregular crossings',
  'new residence permits for victims',
  'the cooperation between countries of origin and destination',
  'shelter places for women and children',
  'the prosecution of organised networks',
  'the training of labour inspectors',
  'data collection on smuggling routes',
  'assistance to returnees',
  'the role of recruitment agencies',
  'a hotline for victims',
];
const PLACES = [
  'in the Balkans',
  'along the Mediterranean routes',
  'in Central Europe',
  'at the eastern border',
  'in the capital',
  'across the region',
  'in three pilot districts',
  'at the main airports',
];
const TAILS = [
  'over the last twelve months',
  'in its annual report',
  'after a two-day consultation',
  'with support from international partners',
  'despite limited funding',
  'following a parliamentary inquiry',
];

function sentence(rnd: () => number) {
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)} ${pick(TAILS)}.`;
}

function body(rnd: () => number) {
  const paragraphs = Array.from({ length: 4 + Math.floor(rnd() * 4) }, () =>
    Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => sentence(rnd)).join(' '),
  );
  return docFromParagraphs(paragraphs);
}

async function generateBulletins(db: PrismaClient) {
  const editor = await db.user.findUniqueOrThrow({ where: { email: 'editor@quire.test' } });
  const tags = await db.tag.findMany({ take: 12 });
  const rnd = generator(25);
  const sectionTitles = [
    'Lead',
    'Meetings and Policy',
    'New Publications',
    'Other Publications',
    'Information Exchange',
  ];
  const specs = [
    ...Array.from({ length: ISSUES }, (_, i) => ({ number: FIRST + i, items: ITEMS, state: 'PUBLISHED' as const })),
    ...Array.from({ length: 5 }, (_, i) => ({
      number: SMALL_FIRST + i,
      items: SMALL_ITEMS,
      state: 'PUBLISHED' as const,
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      number: PUBLISH_FIRST + i,
      items: ITEMS,
      state: 'IN_PRODUCTION' as const,
    })),
  ];
  for (const spec of specs) {
    const published = spec.state === 'PUBLISHED';
    const when = new Date(Date.UTC(2003 + Math.floor((spec.number % 1000) / 4), ((spec.number % 4) * 3) % 12, 15));
    const issue = await db.issue.create({
      data: {
        number: spec.number,
        coverLabel: `Bench bulletin ${spec.number}`,
        coverDate: when,
        state: spec.state,
        publishedAt: published ? when : null,
        sections: { create: sectionTitles.map((title, position) => ({ title, position })) },
      },
      include: { sections: { orderBy: { position: 'asc' } } },
    });
    const meeting = await db.meeting.create({
      data: {
        name: `Regional conference on trafficking ${spec.number}`,
        startDate: when,
        endDate: new Date(when.getTime() + 2 * 86_400_000),
        city: 'Vienna',
        country: 'Austria',
      },
    });
    const publication = await db.publication.create({
      data: { title: `Assessment report ${spec.number}`, issuingBody: 'International Organization for Migration' },
    });
    const items = await db.item.createManyAndReturn({
      select: { id: true },
      data: Array.from({ length: spec.items }, (_, i) => {
        const section = i === 0 ? 0 : 1 + (i % 4);
        const kind = section === 1 ? 'MEETING_REPORT' : section === 2 ? 'PUBLICATION_REVIEW' : 'ARTICLE';
        const doc = body(rnd);
        return {
          kind: kind as 'MEETING_REPORT' | 'PUBLICATION_REVIEW' | 'ARTICLE',
          meetingId: kind === 'MEETING_REPORT' ? meeting.id : null,
          publicationId: kind === 'PUBLICATION_REVIEW' ? publication.id : null,
          title: `${sentence(rnd).slice(0, 70).replace(/\.$/, '')} (${spec.number}.${i + 1})`,
          slug: `bench-${spec.number}-${i + 1}`,
          standfirst: sentence(rnd),
          body: doc,
          bodyText: toPlainText(doc),
          state: published ? ('PUBLISHED' as const) : ('APPROVED' as const),
          publishedAt: published ? when : null,
          authorId: editor.id,
          issueId: issue.id,
          sectionId: issue.sections[section]!.id,
          position: i,
        };
      }),
    });
    await db.source.createMany({
      data: items.map((item, i) => ({
        itemId: item.id,
        position: 0,
        name: ['Reuters', 'UNHCR', 'Council of Europe', 'OSCE', 'La Strada'][i % 5]!,
        url: `https://example.org/source/${spec.number}/${i}`,
      })),
    });
    if (tags.length > 1)
      await db.itemTag.createMany({
        data: items.flatMap((item, i) => [
          { itemId: item.id, tagId: tags[i % tags.length]!.id },
          { itemId: item.id, tagId: tags[(i + 5) % tags.length]!.id },
        ]),
        skipDuplicates: true,
      });
  }
}
