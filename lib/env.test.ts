import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkEnvAtStartup, env, EnvError, missingForProduction, parseEnv } from './env';

/** The one-line message parseEnv refuses `vars` with. */
function refusal(vars: Record<string, string>): string {
  try {
    parseEnv(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).not.toMatch(/[\r\n]/);
    return message;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(vars)}`);
}

describe('parseEnv', () => {
  it('has a default for everything, and nothing is required outside production', () => {
    expect(parseEnv({})).toEqual({
      production: false,
      development: false,
      buildPhase: false,
      databaseUrl: null,
      nextAuthSecret: null,
      siteUrl: null,
      https: false,
      port: 3000,
      scheduler: { enabled: true, intervalMs: 30_000 },
      smtp: null,
      mailFrom: 'Quire <no-reply@localhost>',
      trustedProxyCount: 1,
      totpKey: null,
    });
  });

  it('reads every variable of the README table', () => {
    const config = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://quire:secret@db.internal:5432/quire',
      NEXTAUTH_SECRET: 'a-long-random-string',
      NEXTAUTH_URL: 'https://Bulletin.example.org/quire/',
      PORT: '8080',
      QUIRE_SCHEDULER: 'off',
      QUIRE_SCHEDULER_INTERVAL_MS: '5000',
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'bulletin',
      SMTP_PASSWORD: 'pw',
      MAIL_FROM: 'Quire <bulletin@example.org>',
      TRUSTED_PROXY_COUNT: '2',
      QUIRE_TOTP_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
    });
    expect(config).toEqual({
      production: true,
      development: false,
      buildPhase: false,
      databaseUrl: 'postgresql://quire:secret@db.internal:5432/quire',
      nextAuthSecret: 'a-long-random-string',
      siteUrl: 'https://bulletin.example.org/quire',
      https: true,
      port: 8080,
      scheduler: { enabled: false, intervalMs: 5000 },
      smtp: { host: 'smtp.example.org', port: 465, secure: true, user: 'bulletin', password: 'pw' },
      mailFrom: 'Quire <bulletin@example.org>',
      trustedProxyCount: 2,
      totpKey: Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex'),
    });
  });

  it('takes an empty value as unset', () => {
    expect(parseEnv({ NEXTAUTH_URL: '', PORT: ' ', SMTP_HOST: '', QUIRE_SCHEDULER_INTERVAL_MS: '' })).toEqual(
      parseEnv({}),
    );
  });

  it('takes the two-factor key as hex or base64, and never shows it when refusing it', () => {
    const key = Buffer.alloc(32, 7);
    expect(parseEnv({ QUIRE_TOTP_KEY: key.toString('base64') }).totpKey).toEqual(key);
    expect(parseEnv({ QUIRE_TOTP_KEY: key.toString('hex') }).totpKey).toEqual(key);
    const refused = refusal({ QUIRE_TOTP_KEY: 'too-short-secret' });
    expect(refused).toContain('QUIRE_TOTP_KEY is not a 32-byte key');
    expect(refused).not.toContain('too-short-secret');
  });

  it('refuses an unusable value with one line naming the variable and the value', () => {
    expect(refusal({ QUIRE_SCHEDULER_INTERVAL_MS: 'abc' })).toBe(
      "Quire's configuration is not usable: QUIRE_SCHEDULER_INTERVAL_MS=abc is not a whole number of milliseconds from 1000 to 2147483647.",
    );
    expect(refusal({ NEXTAUTH_URL: 'bulletin.example.org' })).toContain(
      'NEXTAUTH_URL=bulletin.example.org is not an http:// or https:// URL',
    );
    expect(refusal({ NEXTAUTH_URL: 'javascript:alert(1)' })).toContain('NEXTAUTH_URL=javascript:alert(1) is not');
    expect(refusal({ QUIRE_SCHEDULER_INTERVAL_MS: '2147483648' })).toContain(
      'QUIRE_SCHEDULER_INTERVAL_MS=2147483648 is not a whole number of milliseconds from 1000 to 2147483647',
    );
    expect(refusal({ PORT: '70000' })).toContain('PORT=70000 is not a port number (1 to 65535)');
    expect(refusal({ SMTP_PORT: 'smtp' })).toContain('SMTP_PORT=smtp is not a port number');
    expect(refusal({ SMTP_SECURE: 'maybe' })).toContain('SMTP_SECURE=maybe is not true or false');
    expect(refusal({ QUIRE_SCHEDULER: 'sometimes' })).toContain('QUIRE_SCHEDULER=sometimes is not on or off');
    expect(refusal({ TRUSTED_PROXY_COUNT: '0' })).toContain(
      'TRUSTED_PROXY_COUNT=0 is not a whole number of at least 1',
    );
  });

  it('lists every bad variable in the same line', () => {
    const message = refusal({ PORT: 'x', TRUSTED_PROXY_COUNT: 'y' });
    expect(message).toContain('PORT=x is not');
    expect(message).toContain('; TRUSTED_PROXY_COUNT=y is not');
  });

  it('never shows a secret, and quotes a value with spaces or line breaks', () => {
    const message = refusal({ DATABASE_URL: 'mysql://root:hunter2@db/quire' });
    expect(message).toContain('DATABASE_URL is not a postgresql:// connection string');
    expect(message).not.toContain('hunter2');
    expect(refusal({ PORT: '30\n00' })).toContain('PORT="30\\n00" is not');
  });
});

describe('missingForProduction', () => {
  it('asks for the secret and the database in production, and for nothing elsewhere', () => {
    expect(missingForProduction(parseEnv({}))).toBeNull();
    const site = { NEXTAUTH_URL: 'https://bulletin.example.org' };
    expect(missingForProduction(parseEnv({ NODE_ENV: 'production', ...site }))).toBe(
      'set NEXTAUTH_SECRET (a long random string, e.g. `openssl rand -base64 32`) and DATABASE_URL (the PostgreSQL connection string)',
    );
    expect(missingForProduction(parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 's', ...site }))).toBe(
      'set DATABASE_URL (the PostgreSQL connection string)',
    );
    expect(
      missingForProduction(
        parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 's', DATABASE_URL: 'postgresql://localhost/quire' }),
      ),
    ).toBe('set NEXTAUTH_URL (the absolute address readers use, e.g. https://bulletin.example.org)');
    expect(
      missingForProduction(
        parseEnv({
          NODE_ENV: 'production',
          NEXTAUTH_SECRET: 's',
          DATABASE_URL: 'postgresql://localhost/quire',
          NEXTAUTH_URL: 'https://bulletin.example.org',
        }),
      ),
    ).toBeNull();
  });

  it('production refuses a NEXTAUTH_URL that is not absolute (issue 13, defect 7)', () => {
    expect(() =>
      parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 's', DATABASE_URL: 'x', NEXTAUTH_URL: '/relative' }),
    ).toThrow(EnvError);
  });

  it('asks for nothing during next build, which runs without a database', () => {
    expect(missingForProduction(parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }))).toBeNull();
  });
});

describe('env and the start-up check', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('follows changes of the environment', () => {
    vi.stubEnv('PORT', '4100');
    expect(env().port).toBe(4100);
    vi.stubEnv('PORT', '4200');
    expect(env().port).toBe(4200);
  });

  it('stops start-up with one line on stderr for a bad value', () => {
    vi.stubEnv('QUIRE_SCHEDULER_INTERVAL_MS', 'abc');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    expect(() => checkEnvAtStartup()).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(
      'Quire cannot start: QUIRE_SCHEDULER_INTERVAL_MS=abc is not a whole number of milliseconds from 1000 to 2147483647.',
    );
  });

  it('stops a production start-up without the secret or the database', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXT_PHASE', '');
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('NEXTAUTH_URL', 'https://bulletin.example.org');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    expect(() => checkEnvAtStartup()).toThrow('exit 1');
    expect(error).toHaveBeenCalledWith(
      'Quire cannot start: set NEXTAUTH_SECRET (a long random string, e.g. `openssl rand -base64 32`) and DATABASE_URL (the PostgreSQL connection string).',
    );
  });
});
