/**
 * Whether this process polls for scheduled publications, and how often: read from the environment by
 * instrumentation.ts. Pure (no server-only imports) so it is unit-tested on its own.
 *
 * - QUIRE_SCHEDULER=off (or false, 0, no) turns the poller off in this process. Publishing still
 *   happens as long as at least one instance polls; running it everywhere is safe (each due issue is
 *   claimed with FOR UPDATE SKIP LOCKED and published once).
 * - QUIRE_SCHEDULER_INTERVAL_MS: time between runs, at least 1000 (default 30000).
 * - Never during `next build` (NEXT_PHASE=phase-production-build): a build must not publish anything.
 */
export const SCHEDULER_DEFAULT_INTERVAL_MS = 30_000;
export const SCHEDULER_MIN_INTERVAL_MS = 1_000;

export type SchedulerConfig =
  { enabled: false; reason: string } | { enabled: true; intervalMs: number; warning?: string };

const OFF = new Set(['off', 'false', '0', 'no']);

export function schedulerConfig(env: Record<string, string | undefined>): SchedulerConfig {
  if (env.NEXT_PHASE === 'phase-production-build') return { enabled: false, reason: 'next build' };
  const switchValue = env.QUIRE_SCHEDULER?.trim().toLowerCase();
  if (switchValue && OFF.has(switchValue)) return { enabled: false, reason: `QUIRE_SCHEDULER=${env.QUIRE_SCHEDULER}` };

  const rawInterval = env.QUIRE_SCHEDULER_INTERVAL_MS?.trim();
  if (!rawInterval) return { enabled: true, intervalMs: SCHEDULER_DEFAULT_INTERVAL_MS };
  const interval = /^\d+$/.test(rawInterval) ? Number(rawInterval) : NaN;
  if (!Number.isSafeInteger(interval) || interval < SCHEDULER_MIN_INTERVAL_MS) {
    return {
      enabled: true,
      intervalMs: SCHEDULER_DEFAULT_INTERVAL_MS,
      warning: `QUIRE_SCHEDULER_INTERVAL_MS=${rawInterval} is not a whole number of milliseconds of at least ${SCHEDULER_MIN_INTERVAL_MS}: using ${SCHEDULER_DEFAULT_INTERVAL_MS}.`,
    };
  }
  return { enabled: true, intervalMs: interval };
}
