/**
 * What proxy.ts costs per request (CPU in this process, no network): the proxy runs before every page,
 * route handler and action, except static files and the cached files its matcher leaves out
 * (robots.txt, sitemap.xml, feed.xml, meetings.ics). Printed as time per call and as the share of a
 * core's second it would take at a given request rate.
 */
import { performance } from 'node:perf_hooks';
import { NextRequest } from 'next/server';

export async function benchProxy(runs = Number(process.env.BENCH_PROXY_RUNS ?? 20_000)) {
  process.env.NEXTAUTH_URL ??= 'http://localhost:3000';
  const { proxy, config } = await import('../../proxy');
  const matcher = new RegExp(`^${config.matcher[0]!.replace('(?!', '(?!').replace(/\.\*\)$/, '.*)')}$`);
  const cases: [string, string, Record<string, string>][] = [
    ['cached public page', '/issues/25', {}],
    ['public page, signed in', '/issues/25', { cookie: 'next-auth.session-token=x' }],
    ['back office without a session (redirect)', '/admin/items', {}],
    ['search (per request)', '/search?q=trafficking', {}],
  ];
  const rows = [];
  for (const [name, path, headers] of cases) {
    const url = `http://localhost:3000${path}`;
    for (let i = 0; i < 500; i++) proxy(new NextRequest(url, { headers }));
    const start = performance.now();
    for (let i = 0; i < runs; i++) proxy(new NextRequest(url, { headers }));
    const us = ((performance.now() - start) * 1000) / runs;
    rows.push({
      name,
      path,
      us_per_call: us.toFixed(1),
      core_share_at_1000_rps: `${((us * 1000) / 1e4).toFixed(1)} %`,
    });
  }
  // Creating the request alone, which Next does anyway: the proxy's own cost is the difference.
  const start = performance.now();
  for (let i = 0; i < runs; i++) new NextRequest('http://localhost:3000/issues/25');
  const base = ((performance.now() - start) * 1000) / runs;
  rows.push({
    name: 'NextRequest alone (floor)',
    path: '/issues/25',
    us_per_call: base.toFixed(1),
    core_share_at_1000_rps: '',
  });
  for (const path of ['/robots.txt', '/sitemap.xml', '/feed.xml', '/meetings.ics', '/issues/25'])
    rows.push({ name: `matcher runs proxy: ${matcher.test(path)}`, path, us_per_call: '', core_share_at_1000_rps: '' });
  console.log('\nproxy.ts, per call (this process, no network):');
  console.table(rows);
}
