/** Runs once when a Next.js server starts. Node-only checks live in their own module (not bundled for Edge). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkProductionConfig } = await import('./lib/startup-check');
    checkProductionConfig();
  }
}
