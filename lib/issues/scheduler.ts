import 'server-only';
import { defaultWorkerId, runDueSchedules, type ScheduleRunResult } from './run-due-schedules';

export type SchedulerOptions = {
  /** Time between runs; a run never overlaps the previous one. Default 30 s. */
  intervalMs?: number;
  workerId?: string;
  /** Told about every issue a run handled (default: one log line each). */
  onResult?: (result: ScheduleRunResult) => void;
  /** Told when a run failed as a whole (database unreachable…); the next run tries again. */
  onError?: (error: unknown) => void;
};

export type SchedulerHandle = { stop(): Promise<void> };

const globalForScheduler = globalThis as unknown as { quireScheduler?: SchedulerHandle };

/**
 * Polls for due scheduled publications in this process. Call it from instrumentation.ts (Node runtime
 * only). Every app instance may run one: runDueSchedules claims each issue with FOR UPDATE SKIP LOCKED,
 * so an issue is published once however many instances poll. Nothing is kept in memory between runs;
 * the schedule lives in Postgres, so a restart loses nothing and overdue schedules go out on the first
 * run. Started once per process (a second call returns the running poller).
 */
export function startScheduler(options: SchedulerOptions = {}): SchedulerHandle {
  if (globalForScheduler.quireScheduler) return globalForScheduler.quireScheduler;
  const intervalMs = Math.max(1_000, options.intervalMs ?? 30_000);
  const workerId = options.workerId ?? defaultWorkerId();
  const onResult =
    options.onResult ??
    ((r: ScheduleRunResult) => {
      if (r.outcome === 'published') console.info(`[scheduler] published N° ${r.number} (${r.itemCount} items)`);
      else
        console.warn(
          `[scheduler] N° ${r.number ?? '?'} not published: ${r.outcome === 'blocked' ? r.blockers.map((b) => b.message).join(' ') : r.error}`,
        );
    });
  const onError =
    options.onError ?? ((e: unknown) => console.error('[scheduler] run failed; retrying on the next run', e));

  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    timer = null;
    running = runDueSchedules({ workerId })
      .then((results) => results.forEach(onResult))
      .catch(onError)
      .finally(() => {
        if (!stopped) schedule(intervalMs);
      });
  };
  const schedule = (delay: number) => {
    timer = setTimeout(tick, delay);
    // Never keeps the process alive on its own.
    timer.unref();
  };
  // A little jitter so instances started together do not poll in lockstep.
  schedule(Math.floor(Math.random() * Math.min(intervalMs, 5_000)));

  const handle: SchedulerHandle = {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (globalForScheduler.quireScheduler === handle) delete globalForScheduler.quireScheduler;
    },
  };
  globalForScheduler.quireScheduler = handle;
  return handle;
}
