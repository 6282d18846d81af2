/**
 * In production a missing secret or database stops start-up with one line saying what to set,
 * instead of failing on the first request.
 */
export function checkProductionConfig() {
  if (process.env.NODE_ENV !== 'production') return;
  const missing = [
    ['NEXTAUTH_SECRET', 'a long random string, e.g. `openssl rand -base64 32`'],
    ['DATABASE_URL', 'the PostgreSQL connection string'],
  ].filter(([name]) => !process.env[name!]);
  if (missing.length > 0) {
    console.error(`Quire cannot start: set ${missing.map(([n, what]) => `${n} (${what})`).join(' and ')}.`);
    process.exit(1);
  }
}
