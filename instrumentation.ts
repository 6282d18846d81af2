/** Runs once when a Next.js server starts. Node-only code lives in its own modules (not bundled for Edge). */
export async function register() {
  // NEXT_RUNTIME is Next's own switch between its runtimes, not Quire's configuration (lib/env.ts).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // A bad value, or a missing secret or database in production, stops here with one line.
    const { checkEnvAtStartup } = await import('./lib/env');
    const env = checkEnvAtStartup();

    // Cached public pages: the CSP stored with each one, and the invalidation listener (lib/cache).
    const { cacheState } = await import('./lib/cache/next-cache-handler.mjs');
    const { contentSecurityPolicy } = await import('./lib/security/headers');
    cacheState().csp = (nonce) => contentSecurityPolicy(nonce, { https: env.https, dev: env.development });
    if (env.databaseUrl && !env.buildPhase) {
      const { startCacheListener } = await import('./lib/cache/listener');
      startCacheListener(env.databaseUrl);
    }

    // Scheduled publishing: every instance may poll (each due issue is claimed once, in Postgres).
    const { schedulerConfig } = await import('./lib/issues/scheduler-config');
    const config = schedulerConfig(env);
    if (config.enabled) {
      const { startScheduler } = await import('./lib/issues/scheduler');
      startScheduler({ intervalMs: config.intervalMs });
      console.info(
        `[scheduler] polling for scheduled publications every ${config.intervalMs / 1000} s (QUIRE_SCHEDULER=off turns it off)`,
      );
      // Information Exchange retention (declined and spam contributions after N days), hourly.
      const { startContributionRetention } = await import('./lib/contributions/retention-job');
      startContributionRetention();
    } else {
      console.info(`[scheduler] off (${config.reason})`);
    }

    // E-mail editions: every instance may deliver (each delivery is claimed and leased in Postgres).
    const { currentEditionRunnerConfig } = await import('./lib/editions/config');
    const editions = currentEditionRunnerConfig();
    if (editions.enabled) {
      for (const warning of editions.warnings) console.warn(`[editions] ${warning}`);
      const { startDeliveryRunner } = await import('./lib/editions/delivery-runner');
      startDeliveryRunner(editions);
      console.info('[editions] delivering e-mail editions (QUIRE_EDITION_RUNNER=off turns it off)');
    } else {
      console.info(`[editions] not delivering (${editions.reason})`);
    }
  }
}

/**
 * Every error a request meets on the server. One that says the database cannot be reached marks this
 * instance's database as down (lib/outage/database-state.ts), so the next page requests get the
 * designed 503 page (proxy.ts) rather than the error page, until a probe reaches it again.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { isDatabaseUnavailable } = await import('./lib/outage/unavailable-error');
  if (!isDatabaseUnavailable(error)) return;
  const { reportDatabaseDown } = await import('./lib/outage/database-state');
  reportDatabaseDown(error instanceof Error ? error.message : 'a request could not reach the database');
}
