import 'server-only';
import { createSmtpDeliveryTransport, runDeliveryBatch, type DeliveryBatchResult } from './run-deliveries';

export type DeliveryRunnerOptions = { intervalMs: number; batchSize: number; leaseMs: number; concurrency: number };
export type DeliveryRunnerHandle = { stop(): Promise<void> };

const globalForRunner = globalThis as unknown as { quireDeliveryRunner?: DeliveryRunnerHandle };

/**
 * Delivers e-mail editions from this process (started by instrumentation.ts when SMTP is configured).
 * Every instance may run one: rows are claimed with FOR UPDATE SKIP LOCKED and leased
 * (lib/editions/run-deliveries.ts). Busy: batch after batch; idle: one look every intervalMs; send
 * rate used up: waits for the next minute's window. Logs counts only, never addresses.
 */
export function startDeliveryRunner(options: DeliveryRunnerOptions): DeliveryRunnerHandle {
  if (globalForRunner.quireDeliveryRunner) return globalForRunner.quireDeliveryRunner;
  const transport = createSmtpDeliveryTransport({ maxConnections: options.concurrency });
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const next = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  const report = (r: DeliveryBatchResult) => {
    if (r.sent || r.failed || r.retried)
      console.info(`[editions] sent ${r.sent}, to retry ${r.retried}, failed ${r.failed}`);
    if (r.connectionError) console.warn(`[editions] SMTP unavailable; retrying in a while (${r.connectionError})`);
  };
  const tick = () => {
    timer = null;
    running = runDeliveryBatch({
      transport,
      batchSize: options.batchSize,
      leaseMs: options.leaseMs,
      concurrency: options.concurrency,
    })
      .then((r) => {
        report(r);
        if (r.rateLimitedUntil) next(Math.max(50, r.rateLimitedUntil.getTime() - Date.now()));
        else if (r.claimed > 0 && !r.connectionError) next(0);
        else next(options.intervalMs);
      })
      .catch((e: unknown) => {
        console.error('[editions] delivery run failed; trying again later', e instanceof Error ? e.message : e);
        next(options.intervalMs);
      });
  };
  next(Math.floor(Math.random() * Math.min(options.intervalMs, 2_000)));

  const handle: DeliveryRunnerHandle = {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
      if (globalForRunner.quireDeliveryRunner === handle) delete globalForRunner.quireDeliveryRunner;
    },
  };
  globalForRunner.quireDeliveryRunner = handle;
  return handle;
}
