/** Runs once when a Next.js server starts. Node-only code lives in its own modules (not bundled for Edge). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkProductionConfig } = await import('./lib/startup-check');
    checkProductionConfig();

    // Scheduled publishing: every instance may poll (each due issue is claimed once, in Postgres).
    const { schedulerConfig } = await import('./lib/issues/scheduler-config');
    const config = schedulerConfig(process.env);
    if (config.enabled) {
      if (config.warning) console.warn(`[scheduler] ${config.warning}`);
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
  }
}
