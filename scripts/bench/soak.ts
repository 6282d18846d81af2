/**
 * `npm run bench:soak`: five minutes of mixed traffic against a production server (`next start` of
 * the build: run `next build` first) with a PostgreSQL of its own holding the demo content.
 *
 * - Readers: the latest issue, an issue, an item, the archive, meetings, publications, search, feed.
 * - Editors, signed in: the issue desk (list and one issue) and the item list, over HTTP.
 * - Autosaves: Chromium tabs signed in as the demo editor, each typing into an item's standfirst
 *   every few seconds, so the editor's own autosave (a server action) saves it.
 *
 * Counts every answer that is not 2xx (an error), every autosave that did not end "Saved", and
 * samples the server's resident memory (the `next start` process and its children, from /proc) every
 * 10 seconds. Prints the figures; asserts nothing. SOAK_SECONDS (300), SOAK_READERS (3),
 * SOAK_EDITORS (1), SOAK_TABS (2), SOAK_PORT (3173) change the run; PostgreSQL takes a free port.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { createDb } from '@/lib/db/create-db';
import { startThrowawayPostgres } from '../lib/local-postgres';
import { applyMigrations } from '../lib/apply-migrations';
import { seedIfEmpty } from '../lib/seed-if-empty';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const READERS = Number(process.env.SOAK_READERS ?? 3);
const EDITORS = Number(process.env.SOAK_EDITORS ?? 1);
const TABS = Number(process.env.SOAK_TABS ?? 2);
const PORT = Number(process.env.SOAK_PORT ?? 3173);
const base = `http://localhost:${PORT}`;
const require = createRequire(import.meta.url);
const log = (line: string) => console.log(`[soak] ${line}`);

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
function treeRssMiB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 1024;
}

type Kind = 'public' | 'desk' | 'autosave';
const stats: Record<Kind, { count: number; errors: number; ms: number[] }> = {
  public: { count: 0, errors: 0, ms: [] },
  desk: { count: 0, errors: 0, ms: [] },
  autosave: { count: 0, errors: 0, ms: [] },
};
const errorSamples: string[] = [];
const fail = (kind: Kind, what: string) => {
  stats[kind].errors += 1;
  if (errorSamples.length < 20) errorSamples.push(`${kind}: ${what}`);
};

async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, email, password: 'quire-demo-2002', json: 'true' }),
  });
  const session = (res.headers.getSetCookie() ?? [])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.includes('session-token'));
  if (!session) throw new Error(`could not sign in as ${email}`);
  return session;
}

async function hit(kind: Kind, path: string, cookie?: string) {
  const t = performance.now();
  try {
    const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    await res.arrayBuffer();
    stats[kind].count += 1;
    stats[kind].ms.push(performance.now() - t);
    if (res.status < 200 || res.status >= 300) fail(kind, `${res.status} ${path}`);
  } catch (error) {
    stats[kind].count += 1;
    fail(kind, `${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const pg = await startThrowawayPostgres('soak');
let nextPid: number | undefined;
try {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no production build: run `npx next build` first');
  await pg.createDatabase('soak');
  const url = pg.url('soak');
  await applyMigrations(url);
  await seedIfEmpty(url);
  const db = createDb(url);
  const issue = await db.issue.findFirstOrThrow({ where: { state: 'PUBLISHED' }, orderBy: { number: 'desc' } });
  const published = await db.item.findMany({
    where: { issueId: issue.id, state: 'PUBLISHED' },
    select: { slug: true },
    take: 5,
  });
  const deskIssues = await db.issue.findMany({ select: { id: true }, take: 3 });
  const drafts = await db.item.findMany({ where: { state: 'DRAFT' }, select: { id: true }, take: TABS });
  await db.$disconnect();
  const PUBLIC = [
    '/',
    `/issues/${issue.number}`,
    ...published.map((i) => `/issues/${issue.number}/${i.slug}`),
    '/issues',
    '/meetings',
    '/publications',
    '/search?q=trafficking',
    '/feed.xml',
  ];
  const DESK = ['/admin/issues', ...deskIssues.map((i) => `/admin/issues/${i.id}`), '/admin/items', '/admin'];

  const next = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '--port', String(PORT)], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: url,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: 'soak-only-secret-not-for-production-use-0000',
      QUIRE_SCHEDULER: 'on',
      QUIRE_EDITION_RUNNER: 'off',
    },
  });
  nextPid = next.pid;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 300) throw new Error('next start did not answer');
    await new Promise((r) => setTimeout(r, 300));
  }
  log(`server up (pid ${next.pid}); warming up`);
  const editorCookie = await signIn('editor@quire.test');
  for (const p of [...PUBLIC, ...DESK]) await hit(p.startsWith('/admin') ? 'desk' : 'public', p, editorCookie);
  for (const k of Object.values(stats)) Object.assign(k, { count: 0, errors: 0, ms: [] });
  errorSamples.length = 0;

  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const context = await browser.newContext({ baseURL: base });
  const [name, value] = editorCookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: base }]);
  const pages = await Promise.all(
    drafts.map(async (d) => {
      const page = await context.newPage();
      await page.goto(`/admin/items/${d.id}`);
      await page.getByLabel('Standfirst').waitFor();
      return page;
    }),
  );

  const started = Date.now();
  const end = started + SECONDS * 1000;
  const memory: { s: number; mib: number }[] = [{ s: 0, mib: treeRssMiB(next.pid!) }];
  log(
    `running for ${SECONDS} s: ${READERS} readers, ${EDITORS} desk editors, ${pages.length} autosaving tabs; RSS ${memory[0]!.mib.toFixed(0)} MiB`,
  );
  const sampler = setInterval(() => {
    const m = { s: Math.round((Date.now() - started) / 1000), mib: treeRssMiB(next.pid!) };
    memory.push(m);
    log(
      `${m.s} s: RSS ${m.mib.toFixed(0)} MiB; requests ${stats.public.count + stats.desk.count}, autosaves ${stats.autosave.count}, errors ${stats.public.errors + stats.desk.errors + stats.autosave.errors}`,
    );
  }, 10_000);

  const readers = Array.from({ length: READERS }, async (_, r) => {
    for (let i = r; Date.now() < end; i++) await hit('public', PUBLIC[i % PUBLIC.length]!);
  });
  const editors = Array.from({ length: EDITORS }, async (_, r) => {
    for (let i = r; Date.now() < end; i++) {
      await hit('desk', DESK[i % DESK.length]!, editorCookie);
      await new Promise((res) => setTimeout(res, 200));
    }
  });
  const autosavers = pages.map(async (page, n) => {
    const field = page.getByLabel('Standfirst');
    const status = page.getByTestId('save-status');
    for (let i = 0; Date.now() < end - 8000; i++) {
      const text = `Soak tab ${n} edit ${i} at ${new Date().toISOString()}`;
      const t = performance.now();
      await field.fill(text);
      try {
        // First "Unsaved changes" (or "Saving…"), then "Saved at": the save of this very text.
        await status.filter({ hasNotText: 'Saved at' }).waitFor({ timeout: 5000 });
        await status.filter({ hasText: 'Saved at' }).waitFor({ timeout: 30_000 });
        stats.autosave.count += 1;
        stats.autosave.ms.push(performance.now() - t);
      } catch {
        stats.autosave.count += 1;
        fail('autosave', `tab ${n}: ${await status.textContent()}`);
      }
      await new Promise((res) => setTimeout(res, 1000));
    }
  });
  await Promise.all([...readers, ...editors, ...autosavers]);
  clearInterval(sampler);
  memory.push({ s: Math.round((Date.now() - started) / 1000), mib: treeRssMiB(next.pid!) });
  await browser.close();

  const elapsed = (Date.now() - started) / 1000;
  console.log('\nSoak: mixed public and back-office traffic against `next start`');
  console.table(
    Object.fromEntries(
      (Object.keys(stats) as Kind[]).map((k) => [
        k,
        {
          requests: stats[k].count,
          errors: stats[k].errors,
          'per s': Number((stats[k].count / elapsed).toFixed(1)),
          'p50 ms': Math.round(pct(stats[k].ms, 50)),
          'p95 ms': Math.round(pct(stats[k].ms, 95)),
        },
      ]),
    ),
  );
  const first = memory[1] ?? memory[0]!;
  const last = memory[memory.length - 1]!;
  console.log(
    `RSS of the server: ${memory[0]!.mib.toFixed(0)} MiB at the start, ${first.mib.toFixed(0)} MiB after ${first.s} s, ` +
      `${last.mib.toFixed(0)} MiB at the end (${last.s} s); highest ${Math.max(...memory.map((m) => m.mib)).toFixed(0)} MiB`,
  );
  console.log(`samples (s: MiB): ${memory.map((m) => `${m.s}: ${m.mib.toFixed(0)}`).join(', ')}`);
  if (errorSamples.length) console.log(`errors (first ${errorSamples.length}):\n  ${errorSamples.join('\n  ')}`);
} finally {
  if (nextPid) {
    try {
      process.kill(-nextPid, 'SIGTERM');
    } catch {
      /* gone */
    }
    await new Promise((r) => setTimeout(r, 1500));
  }
  await pg.stop();
}
