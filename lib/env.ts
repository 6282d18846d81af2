import 'server-only';
import { z } from 'zod';

/**
 * Quire's configuration: every environment variable the app reads, parsed and checked here, and
 * nowhere else (scripts/ and the test configs set the environment up; they may read it themselves).
 * The README's configuration table lists the same variables.
 *
 * - `env()` parses on first use, never at import: `next build` imports the app without a database or
 *   a secret. A value that is set but unusable (`QUIRE_SCHEDULER_INTERVAL_MS=abc`, a NEXTAUTH_URL that
 *   is not an http(s) URL) is refused with one line naming the variable; an empty value counts as unset.
 * - `checkEnvAtStartup()` (instrumentation.ts) turns that refusal, and the production requirements
 *   (NEXTAUTH_SECRET, DATABASE_URL), into one line on stderr and exit code 1, before any request.
 * - Server-only: the secrets never reach a browser bundle. proxy.ts may import it (Next.js allows
 *   server-only in the proxy), which is how the session cookie's Secure flag follows NEXTAUTH_URL.
 */

export const SCHEDULER_DEFAULT_INTERVAL_MS = 30_000;
export const SCHEDULER_MIN_INTERVAL_MS = 1_000;
/** The longest delay setTimeout keeps (about 24.8 days); a longer one would fire after 1 ms. */
export const SCHEDULER_MAX_INTERVAL_MS = 2_147_483_647;

/** Values whose content must not appear in an error message. */
const SECRET = new Set(['DATABASE_URL', 'NEXTAUTH_SECRET', 'SMTP_PASSWORD', 'QUIRE_TOTP_KEY']);

const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An optional string; "" is unset. Kept as given (a secret's spaces are part of it). */
const text = z.preprocess(unsetIfBlank, z.string().optional());

/** An optional whole number within bounds; `what` completes "X=… is not …". */
function wholeNumber(min: number, max: number, what: string) {
  return z.preprocess(
    unsetIfBlank,
    z
      .string()
      .trim()
      .regex(/^\d+$/, { error: what })
      .transform(Number)
      .refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, { error: what })
      .optional(),
  );
}

const TRUE_WORDS = ['on', 'true', '1', 'yes'];
const FALSE_WORDS = ['off', 'false', '0', 'no'];

/** An optional switch: on, true, 1 or yes; off, false, 0 or no; in any letter case. */
function flag(what: string) {
  return z.preprocess(
    unsetIfBlank,
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => TRUE_WORDS.includes(v) || FALSE_WORDS.includes(v), { error: what })
      .transform((v) => TRUE_WORDS.includes(v))
      .optional(),
  );
}

const httpUrl = z.preprocess(
  unsetIfBlank,
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          const url = new URL(v);
          return url.protocol === 'http:' || url.protocol === 'https:';
        } catch {
          return false;
        }
      },
      { error: 'an http:// or https:// URL (the address readers use, e.g. https://bulletin.example.org)' },
    )
    .optional(),
);

const postgresUrl = z.preprocess(
  unsetIfBlank,
  z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\/./.test(v), { error: 'a postgresql:// connection string' })
    .optional(),
);

const port = wholeNumber(1, 65_535, 'a port number (1 to 65535)');

/** 32 bytes, as 64 hexadecimal digits or in base64 (44 characters): the two-factor secrets' key. */
const aes256Key = z.preprocess(
  unsetIfBlank,
  z
    .string()
    .trim()
    .refine(
      (v) => /^[0-9a-fA-F]{64}$/.test(v) || (/^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32),
      {
        error: 'a 32-byte key: 64 hexadecimal digits or 44 characters of base64 (`openssl rand -base64 32`)',
      },
    )
    .optional(),
);

const rawSchema = z.object({
  NODE_ENV: text,
  NEXT_PHASE: text,
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: text,
  NEXTAUTH_URL: httpUrl,
  PORT: port,
  QUIRE_SCHEDULER: flag('on or off'),
  QUIRE_SCHEDULER_INTERVAL_MS: wholeNumber(
    SCHEDULER_MIN_INTERVAL_MS,
    SCHEDULER_MAX_INTERVAL_MS,
    `a whole number of milliseconds from ${SCHEDULER_MIN_INTERVAL_MS} to ${SCHEDULER_MAX_INTERVAL_MS}`,
  ),
  SMTP_HOST: text,
  SMTP_PORT: port,
  SMTP_SECURE: flag('true or false'),
  SMTP_USER: text,
  SMTP_PASSWORD: text,
  MAIL_FROM: text,
  TRUSTED_PROXY_COUNT: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a whole number of at least 1'),
  QUIRE_TOTP_KEY: aes256Key,
});

/** The variables env() reads (and only these). */
export const ENV_VARIABLES = Object.keys(rawSchema.shape) as (keyof typeof rawSchema.shape)[];

export type Env = {
  production: boolean;
  development: boolean;
  /** `next build` is running: nothing may publish or require a database. */
  buildPhase: boolean;
  databaseUrl: string | null;
  nextAuthSecret: string | null;
  /** NEXTAUTH_URL as scheme, host, port and path, without a trailing slash; null when unset. */
  siteUrl: string | null;
  /** The site is served over https (NEXTAUTH_URL says so): Secure cookies, upgrade-insecure-requests. */
  https: boolean;
  port: number;
  scheduler: { enabled: boolean; intervalMs: number };
  /** null: no SMTP, mail is kept at /admin/outbox. */
  smtp: { host: string; port: number; secure: boolean; user: string | null; password: string } | null;
  mailFrom: string;
  trustedProxyCount: number;
  /** QUIRE_TOTP_KEY as 32 bytes, or null: then derived from NEXTAUTH_SECRET (lib/auth/two-factor-crypto.ts). */
  totpKey: Buffer | null;
};

/** A configuration that cannot be used; `message` is one line naming each bad variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Quire's configuration is not usable: ${problems.join('; ')}.`);
    this.name = 'EnvError';
  }
}

/** Shows a value in a one-line message: as it is when it is plain, quoted otherwise, never when secret. */
function shown(name: string, value: unknown): string {
  if (SECRET.has(name) || typeof value !== 'string') return name;
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return /^[\x21-\x7e]*$/.test(short) ? `${name}=${short}` : `${name}=${JSON.stringify(short)}`;
}

/** Parses an environment (process.env, or a test's object). Pure: throws EnvError, never exits. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const picked = Object.fromEntries(ENV_VARIABLES.map((name) => [name, source[name]]));
  const parsed = rawSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${shown(name, source[name])} is not ${issue.message}`;
    });
    throw new EnvError([...new Set(problems)]);
  }
  const v = parsed.data;
  const site = v.NEXTAUTH_URL ? new URL(v.NEXTAUTH_URL) : null;
  return {
    production: v.NODE_ENV === 'production',
    development: v.NODE_ENV === 'development',
    buildPhase: v.NEXT_PHASE === 'phase-production-build',
    databaseUrl: v.DATABASE_URL ?? null,
    nextAuthSecret: v.NEXTAUTH_SECRET ?? null,
    siteUrl: site ? `${site.origin}${site.pathname}`.replace(/\/+$/, '') : null,
    https: site?.protocol === 'https:',
    port: v.PORT ?? 3000,
    scheduler: {
      enabled: v.QUIRE_SCHEDULER ?? true,
      intervalMs: v.QUIRE_SCHEDULER_INTERVAL_MS ?? SCHEDULER_DEFAULT_INTERVAL_MS,
    },
    smtp: v.SMTP_HOST
      ? {
          host: v.SMTP_HOST,
          port: v.SMTP_PORT ?? 587,
          secure: v.SMTP_SECURE ?? false,
          user: v.SMTP_USER ?? null,
          password: v.SMTP_PASSWORD ?? '',
        }
      : null,
    mailFrom: v.MAIL_FROM ?? 'Quire <no-reply@localhost>',
    trustedProxyCount: v.TRUSTED_PROXY_COUNT ?? 1,
    totpKey: v.QUIRE_TOTP_KEY
      ? Buffer.from(v.QUIRE_TOTP_KEY, /^[0-9a-fA-F]{64}$/.test(v.QUIRE_TOTP_KEY) ? 'hex' : 'base64')
      : null,
  };
}

const REQUIRED_IN_PRODUCTION = [
  ['NEXTAUTH_SECRET', 'nextAuthSecret', 'a long random string, e.g. `openssl rand -base64 32`'],
  ['DATABASE_URL', 'databaseUrl', 'the PostgreSQL connection string'],
  // Without it the session cookie loses Secure, and links (metadata, share links, mail) would come
  // from the client's Host header or point to localhost.
  ['NEXTAUTH_URL', 'siteUrl', 'the absolute address readers use, e.g. https://bulletin.example.org'],
] as const;

/**
 * What a production server cannot run without, as the rest of "Quire cannot start: …", or null.
 * Not during `next build`, which runs with NODE_ENV=production and no database.
 */
export function missingForProduction(config: Env): string | null {
  if (!config.production || config.buildPhase) return null;
  const missing = REQUIRED_IN_PRODUCTION.filter(([, key]) => !config[key]);
  if (missing.length === 0) return null;
  return `set ${missing.map(([name, , what]) => `${name} (${what})`).join(' and ')}`;
}

let cached: { key: string; env: Env } | undefined;

/**
 * The configuration of this process. Parsed again only when one of its variables changed (tests
 * change them; a server does not), so callers may call it as often as they like.
 */
export function env(): Env {
  const key = ENV_VARIABLES.map((name) => process.env[name] ?? '\u0000').join('\u0001');
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}

/** Start-up: a bad or (in production) missing value stops the server with one line, before any request. */
export function checkEnvAtStartup(): Env {
  let config: Env;
  try {
    config = env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return stop(`${error.problems.join('; ')}.`);
  }
  const missing = missingForProduction(config);
  if (missing) return stop(`${missing}.`);
  return config;
}

function stop(reason: string): never {
  console.error(`Quire cannot start: ${reason}`);
  process.exit(1);
}
