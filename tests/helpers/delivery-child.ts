/**
 * A delivery runner in a process of its own, for the crash test (tests/integration/edition-delivery-crash.test.ts),
 * which kills it with SIGKILL in the middle of a batch. Run with
 *   node --conditions=react-server --import tsx tests/helpers/delivery-child.ts <database url> <smtp port> <lease ms> <batch> <concurrency>
 * Prints "ready" once connected, then delivers until there is nothing due.
 */
import { createDb } from '@/lib/db/client';
import { createSmtpDeliveryTransport, runDeliveries } from '@/lib/editions/run-deliveries';

const [url, port, leaseMs, batchSize, concurrency] = process.argv.slice(2);
const db = createDb(url!);
await db.$queryRaw`SELECT 1`;
console.log('ready');
const transport = createSmtpDeliveryTransport({
  host: '127.0.0.1',
  port: Number(port),
  secure: false,
  ignoreTLS: true,
  auth: undefined,
});
const result = await runDeliveries({
  db,
  transport,
  workerId: `child-${process.pid}`,
  leaseMs: Number(leaseMs),
  batchSize: Number(batchSize),
  concurrency: Number(concurrency ?? 1),
});
console.log(JSON.stringify({ sent: result.sent }));
transport.close();
await db.$disconnect();
