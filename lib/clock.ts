/**
 * The time as the app sees it. Everything that decides with a duration (session lifetimes, one-time
 * links, code windows) asks `now()`, so a test can move the clock forward (`setClock`) instead of
 * waiting. The override lives on globalThis so the test and the module see one clock even when a
 * test runner loads the module twice.
 */
type ClockHolder = { quireClock?: () => Date };
const holder = globalThis as ClockHolder;

export function now(): Date {
  return holder.quireClock ? holder.quireClock() : new Date();
}

/** Tests only: make `now()` answer `clock()`; `setClock(null)` returns to the real time. */
export function setClock(clock: (() => Date) | null): void {
  if (clock) holder.quireClock = clock;
  else delete holder.quireClock;
}
