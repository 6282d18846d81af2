import { getDb } from '@/lib/db/client';
import { databaseState, reportDatabaseDown, reportDatabaseUp } from '@/lib/outage/database-state';
import { isDatabaseUnavailable } from '@/lib/outage/unavailable-error';

/**
 * Liveness and database reachability, for load balancers and monitoring: 200 with `database: "up"`,
 * or 503 with `database: "down"` and since when (this instance's view). Each call tries the database
 * itself (3 s at most); a connection it cannot open also switches the pages to their outage answer
 * (lib/outage), and a success switches them back.
 */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ]);
    reportDatabaseUp();
    return Response.json({ status: 'ok', database: 'up' }, { headers });
  } catch (error) {
    // Only a connection that fails says "down" to the pages; a slow answer (a busy server) does not.
    if (isDatabaseUnavailable(error)) reportDatabaseDown(`health check: ${(error as Error).message}`);
    const since = databaseState().downSince;
    return Response.json(
      { status: 'unavailable', database: 'down', downSince: since ? new Date(since).toISOString() : null },
      { status: 503, headers: { ...headers, 'Retry-After': '15' } },
    );
  }
}
