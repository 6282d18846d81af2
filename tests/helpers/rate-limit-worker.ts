/**
 * A separate app process for tests/integration/rate-limit.test.ts: consumes one key `attempts` times
 * against the shared database and prints how many were allowed.
 *   node --conditions=react-server --import tsx tests/helpers/rate-limit-worker.ts <databaseUrl> <key> <attempts> <limit>
 */
import { createDb } from '@/lib/db/client';
import { consume } from '@/lib/rate-limit/consume';

const [url, key, attempts, limit] = process.argv.slice(2);
const db = createDb(url!);
const results = await Promise.all(
  Array.from({ length: Number(attempts) }, () => consume(key!, { limit: Number(limit), windowSeconds: 3600, db })),
);
process.stdout.write(JSON.stringify({ allowed: results.filter((r) => r.allowed).length }));
await db.$disconnect();
