/**
 * The e-mail edition's settings from the environment: the one place lib/editions and lib/subscribers
 * read process.env (so it can move into a shared configuration module as it is). Pure: unit-tested.
 * The SMTP server itself is configured as for all mail (SMTP_HOST…, lib/mail/send-mail.ts); the send
 * rate and the number of attempts are settings in PostgreSQL (MailingSettings), not variables.
 *
 * - QUIRE_EDITION_RUNNER=off (or false, 0, no): this instance does not deliver editions. Safe to leave
 *   on everywhere: each delivery is claimed with FOR UPDATE SKIP LOCKED and leased. It never runs
 *   during `next build`, nor without SMTP_HOST (the deliveries wait, kept, until SMTP is configured).
 * - QUIRE_EDITION_INTERVAL_MS: how often an idle runner looks for work (default 5000, at least 200).
 * - QUIRE_EDITION_BATCH: deliveries claimed at once (default 50, 1 to 1000).
 * - QUIRE_EDITION_LEASE_MS: how long a claimed delivery is held before another runner may take it over
 *   (default 300000; at least 1000). Each message renews it just before its SMTP transaction.
 * - QUIRE_EDITION_CONCURRENCY: messages in flight at once per runner, each on its own SMTP connection
 *   (default 4, 1 to 32). Also the most messages a runner killed at the worst moment can leave sent
 *   but unrecorded (see lib/editions/run-deliveries.ts).
 */
export type EditionRunnerConfig =
  | { enabled: false; reason: string }
  | {
      enabled: true;
      intervalMs: number;
      batchSize: number;
      leaseMs: number;
      concurrency: number;
      warnings: string[];
    };

const OFF = new Set(['off', 'false', '0', 'no']);

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  warnings: string[],
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    warnings.push(`${name}=${raw} is not a whole number from ${min} to ${max}: using ${fallback}.`);
    return fallback;
  }
  return value;
}

export function editionRunnerConfig(env: Record<string, string | undefined>): EditionRunnerConfig {
  if (env.NEXT_PHASE === 'phase-production-build') return { enabled: false, reason: 'next build' };
  const switchValue = env.QUIRE_EDITION_RUNNER?.trim().toLowerCase();
  if (switchValue && OFF.has(switchValue))
    return { enabled: false, reason: `QUIRE_EDITION_RUNNER=${env.QUIRE_EDITION_RUNNER}` };
  if (!env.SMTP_HOST) return { enabled: false, reason: 'no SMTP_HOST: editions are kept, not sent' };
  const warnings: string[] = [];
  return {
    enabled: true,
    intervalMs: integer(env, 'QUIRE_EDITION_INTERVAL_MS', 5_000, 200, 3_600_000, warnings),
    batchSize: integer(env, 'QUIRE_EDITION_BATCH', 50, 1, 1_000, warnings),
    leaseMs: integer(env, 'QUIRE_EDITION_LEASE_MS', 300_000, 1_000, 86_400_000, warnings),
    concurrency: integer(env, 'QUIRE_EDITION_CONCURRENCY', 4, 1, 32, warnings),
    warnings,
  };
}

/** The configuration of this process (instrumentation.ts, the bench). */
export const currentEditionRunnerConfig = () => editionRunnerConfig(process.env);
