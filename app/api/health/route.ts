import { getDb } from '@/lib/db/client';

/** Liveness and database reachability, for load balancers and monitoring. */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ]);
    return Response.json({ status: 'ok', database: 'up' }, { headers });
  } catch {
    return Response.json({ status: 'unavailable', database: 'down' }, { status: 503, headers });
  }
}
