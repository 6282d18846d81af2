import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of the code, checked from the source text (docs/code-layout.md explains them):
 *  - lib/ is the domain and never imports from components/ or app/;
 *  - a lib/ module that reaches the database, the mail server, password hashing or request headers
 *    says so with `import 'server-only'`, so that a client component importing it fails the build;
 *  - nothing a client component ('use client') imports, directly or through other modules, is
 *    server-only: the client-safe part of lib/ (validation, formatting, the pure policy, desk order,
 *    the rich-text schema) is exactly what client code reaches.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|tsx)$/;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, entry);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...walk(rel));
    else if (SOURCE.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(rel);
  }
  return out;
}

const files = ['lib', 'app', 'components'].flatMap(walk);
const text = new Map(files.map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')]));

/** Module specifiers a file imports at run time (type-only imports are erased and left out). */
function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+([^'";]*?)\s*from\s*'([^']+)'|^\s*import\s*'([^']+)'/gm;
  for (const m of source.matchAll(statement)) {
    if (m[4]) {
      specifiers.push(m[4]);
      continue;
    }
    const clause = m[2] ?? '';
    if (/^type\s/.test(clause)) continue;
    const braces = clause.match(/\{([\s\S]*)\}/);
    const outside = clause
      .replace(/\{[\s\S]*\}/, '')
      .replace(/,/g, '')
      .trim();
    if (braces && !outside) {
      const names = braces[1]!
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
    }
    specifiers.push(m[3]!);
  }
  for (const m of source.matchAll(/import\(\s*'([^']+)'\s*\)/g)) specifiers.push(m[1]!);
  return specifiers;
}

/** The project file a specifier points at, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (SOURCE.test(candidate) && existsSync(path.join(ROOT, candidate))) return path.normalize(candidate);
  }
  return null;
}

const isServerOnly = (file: string) => /^\s*import 'server-only';/m.test(text.get(file) ?? '');
const isClient = (file: string) => /^\s*['"]use client['"];?/.test(text.get(file) ?? '');

describe('layers', () => {
  it('finds the code it checks', () => {
    expect(files.filter((f) => f.startsWith('lib/')).length).toBeGreaterThan(50);
    expect(files.filter(isClient).length).toBeGreaterThan(10);
  });

  it('lib/ never imports from components/ or app/', () => {
    const offenders = files
      .filter((f) => f.startsWith('lib/'))
      .flatMap((f) =>
        runtimeImports(text.get(f)!)
          .concat([...text.get(f)!.matchAll(/from '(@\/(?:components|app)\/[^']+)'/g)].map((m) => m[1]!))
          .filter((s) => /^@\/(components|app)\//.test(s) || /^(\.\.\/)+(components|app)\//.test(s))
          .map((s) => `${f} imports ${s}`),
      );
    expect(offenders).toEqual([]);
  });

  // Used outside Next too, where `server-only` cannot be imported: the scripts' database client
  // (migrations, seed, bench) and password hashing (the demo seed and the browser tests' accounts).
  const SHARED_WITH_SCRIPTS = ['lib/db/create-db.ts', 'lib/auth/password.ts'];

  it('a lib/ module that reaches the database, mail, hashing or request headers is server-only', () => {
    const serverThings =
      /^(@\/lib\/db\/client|@\/generated\/prisma\/client|nodemailer|@node-rs\/argon2|next\/headers|pg)$/;
    const offenders = files
      .filter((f) => f.startsWith('lib/') && f !== 'lib/db/client.ts' && !SHARED_WITH_SCRIPTS.includes(f))
      .filter((f) => runtimeImports(text.get(f)!).some((s) => serverThings.test(s)))
      .filter((f) => !isServerOnly(f));
    expect(offenders).toEqual([]);
  });

  it('the database client itself is server-only', () => {
    expect(isServerOnly('lib/db/client.ts')).toBe(true);
  });

  it('client components reach no server-only module, directly or through others', () => {
    const offenders: string[] = [];
    for (const entry of files.filter(isClient)) {
      const seen = new Set<string>();
      const stack: { file: string; via: string[] }[] = [{ file: entry, via: [] }];
      while (stack.length > 0) {
        const { file, via } = stack.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        if (file !== entry && isServerOnly(file)) {
          offenders.push([entry, ...via, file].join(' → '));
          continue;
        }
        for (const specifier of runtimeImports(text.get(file) ?? '')) {
          // Server actions are called from client code by reference: Next sends only their id.
          const target = resolve(file, specifier);
          if (!target || !text.has(target)) continue;
          if (/^\s*['"]use server['"]/.test(text.get(target)!)) continue;
          stack.push({ file: target, via: file === entry ? [] : [...via, file] });
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
