/**
 * Debian's nginx, run as the current user in a folder of its own, with the shipped configuration
 * (deploy/nginx/quire.conf) in front of a Quire instance: for the browser test of the proxy cache and
 * for the bench. The shipped file is used as it is, with exactly three things rewritten: the upstream
 * address, the listen port and the cache folder. Nothing here is a stand-in for nginx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const NGINX_BINARY = process.env.NGINX_BINARY ?? '/usr/sbin/nginx';
export const SHIPPED_CONFIG = path.resolve(import.meta.dirname, '../../deploy/nginx/quire.conf');

export type RunningNginx = { port: number; dir: string; stop(): Promise<void> };

/** The shipped quire.conf with its upstream, listen port and cache folder replaced; fails loudly if one is missing. */
export function renderQuireConf(source: string, opts: { upstream: string; port: number; cacheDir: string }): string {
  const replacements: [RegExp, string][] = [
    [/(upstream quire_app \{\s*\n\s*)server 127\.0\.0\.1:3000;/, `$1server ${opts.upstream};`],
    [/\blisten 80;/, `listen 127.0.0.1:${opts.port};`],
    [/proxy_cache_path \/var\/cache\/nginx\/quire /, `proxy_cache_path ${opts.cacheDir} `],
  ];
  let out = source;
  for (const [pattern, value] of replacements) {
    if (!pattern.test(out))
      throw new Error(`deploy/nginx/quire.conf no longer has ${pattern}: update scripts/lib/nginx.ts`);
    out = out.replace(pattern, value);
  }
  return out;
}

/**
 * Starts nginx with quire.conf in front of `upstream` ("127.0.0.1:3140"), listening on 127.0.0.1:`port`.
 * `extraServer` adds a server block of its own (the bench's static-file server). Throws, with what to
 * install, when nginx is absent: callers never skip silently.
 */
export async function startNginx(opts: {
  upstream: string;
  port: number;
  extraServer?: string;
}): Promise<RunningNginx> {
  if (!existsSync(NGINX_BINARY))
    throw new Error(
      `nginx is not installed (${NGINX_BINARY} is missing): apt-get install nginx-light (or nginx), ` +
        'as .ci/run does, or set NGINX_BINARY.',
    );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-nginx-'));
  const cacheDir = path.join(dir, 'cache');
  await mkdir(cacheDir);
  await mkdir(path.join(dir, 'logs'));
  const quire = renderQuireConf(await readFile(SHIPPED_CONFIG, 'utf8'), {
    upstream: opts.upstream,
    port: opts.port,
    cacheDir,
  });
  await writeFile(path.join(dir, 'quire.conf'), quire);
  const temp = (name: string) => path.join(dir, `${name}_temp`);
  await writeFile(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      // As root, nginx's workers would switch to `nobody`, who cannot enter this private folder.
      process.getuid?.() === 0 ? `user ${os.userInfo().username};` : '',
      'worker_processes auto;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 4096; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      '  sendfile on;',
      '  tcp_nopush on;',
      '  keepalive_requests 100000;',
      `  client_body_temp_path ${temp('client_body')};`,
      `  proxy_temp_path ${temp('proxy')};`,
      `  fastcgi_temp_path ${temp('fastcgi')};`,
      `  uwsgi_temp_path ${temp('uwsgi')};`,
      `  scgi_temp_path ${temp('scgi')};`,
      `  include ${path.join(dir, 'quire.conf')};`,
      opts.extraServer ?? '',
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX_BINARY, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await listening(opts.port))) {
    if (child.exitCode !== null) throw new Error(`nginx did not start (exit ${child.exitCode}): ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGQUIT');
      throw new Error(`nginx is not listening on ${opts.port} after 10 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port: opts.port,
    dir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
