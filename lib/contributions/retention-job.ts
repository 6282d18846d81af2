import 'server-only';
import { deleteExpiredContributions } from './delete-expired-contributions';

const globalForJob = globalThis as unknown as { quireRetention?: { stop(): void } };

/**
 * Applies the contributions' retention period periodically in this process (instrumentation.ts starts
 * it where the scheduler runs). Safe on every instance: each run takes a PostgreSQL advisory lock and
 * deleting what has expired is idempotent. Nothing is kept in memory between runs.
 */
export function startContributionRetention(options: { intervalMs?: number } = {}) {
  if (globalForJob.quireRetention) return globalForJob.quireRetention;
  const intervalMs = Math.max(1_000, options.intervalMs ?? 60 * 60 * 1000);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = () => {
    deleteExpiredContributions()
      .then((r) => {
        if (r.deleted > 0) console.info(`[retention] deleted ${r.deleted} contributions older than ${r.days} days`);
      })
      .catch((e) => console.error('[retention] run failed; retrying on the next run', e))
      .finally(() => {
        if (!stopped) schedule(intervalMs);
      });
  };
  const schedule = (delay: number) => {
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  schedule(Math.floor(Math.random() * 5_000) + 1_000);
  const handle = {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      delete globalForJob.quireRetention;
    },
  };
  globalForJob.quireRetention = handle;
  return handle;
}
