/**
 * This instance's view of its database: reachable, or not since when. One copy per process, kept on
 * globalThis because proxy.ts and the app's routes are bundled separately and would otherwise each
 * have their own. It is not shared state between instances (each one sees its own connections), so
 * it may live in memory.
 *
 * Set down by whatever meets the outage first: the pool when PostgreSQL closes its idle connections
 * (lib/db/client.ts), a server action or a request that fails to reach it (lib/actions/action.ts,
 * instrumentation.ts onRequestError), /api/health. Set up again only by a probe that reached it:
 * while down, the probe registered by lib/db/client.ts runs every second.
 */
export type DatabaseState = { reachable: boolean; downSince: number | null; lastChange: number };

type Holder = {
  quireDatabaseState?: DatabaseState;
  quireDatabaseProbe?: { run: () => Promise<boolean>; timer: ReturnType<typeof setInterval> | null };
};
const holder = globalThis as unknown as Holder;

export const PROBE_INTERVAL_MS = 1000;

export function databaseState(): DatabaseState {
  return (holder.quireDatabaseState ??= { reachable: true, downSince: null, lastChange: Date.now() });
}

export function reportDatabaseUp() {
  const state = databaseState();
  if (state.reachable) return;
  console.info(
    `[database] reachable again after ${((Date.now() - (state.downSince ?? Date.now())) / 1000).toFixed(1)} s`,
  );
  holder.quireDatabaseState = { reachable: true, downSince: null, lastChange: Date.now() };
  const probe = holder.quireDatabaseProbe;
  if (probe?.timer) {
    clearInterval(probe.timer);
    probe.timer = null;
  }
}

export function reportDatabaseDown(reason: string) {
  const state = databaseState();
  if (state.reachable) {
    console.warn(`[database] unreachable: ${reason.slice(0, 200)}`);
    holder.quireDatabaseState = { reachable: false, downSince: Date.now(), lastChange: Date.now() };
  }
  const probe = holder.quireDatabaseProbe;
  if (probe && !probe.timer) {
    probe.timer = setInterval(() => {
      probe.run().then(
        (ok) => ok && reportDatabaseUp(),
        () => {},
      );
    }, PROBE_INTERVAL_MS);
    probe.timer.unref?.();
  }
}

/** The check that may declare the database reachable again (lib/db/client.ts gives a SELECT 1). */
export function registerDatabaseProbe(run: () => Promise<boolean>) {
  holder.quireDatabaseProbe ??= { run, timer: null };
  holder.quireDatabaseProbe.run = run;
}
