import type { Env } from '@/lib/env';

/**
 * Whether this process polls for scheduled publications, and how often, from the configuration
 * (lib/env.ts parses QUIRE_SCHEDULER and QUIRE_SCHEDULER_INTERVAL_MS and refuses unusable values).
 * Read by instrumentation.ts.
 *
 * - QUIRE_SCHEDULER=off (or false, 0, no) turns the poller off in this process. Publishing still
 *   happens as long as at least one instance polls; running it everywhere is safe (each due issue is
 *   claimed with FOR UPDATE SKIP LOCKED and published once).
 * - Never during `next build` (NEXT_PHASE=phase-production-build): a build must not publish anything.
 */
export type SchedulerConfig = { enabled: false; reason: string } | { enabled: true; intervalMs: number };

export function schedulerConfig(config: Pick<Env, 'buildPhase' | 'scheduler'>): SchedulerConfig {
  if (config.buildPhase) return { enabled: false, reason: 'next build' };
  if (!config.scheduler.enabled) return { enabled: false, reason: 'QUIRE_SCHEDULER=off' };
  return { enabled: true, intervalMs: config.scheduler.intervalMs };
}
