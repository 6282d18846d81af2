/**
 * Is this error "the database cannot be reached" (as opposed to a bug or a refused query)? PostgreSQL
 * stopping, restarting, refusing connections or a network cut reach the app in several wrappings:
 * node's socket errors (ECONNREFUSED…), pg's "Connection terminated", PostgreSQL's own SQLSTATEs
 * (57P01 admin shutdown, 57P03 cannot connect now, class 08 connection exceptions), the Prisma pg
 * adapter's kinds (DatabaseNotReachable, ConnectionClosed, SocketTimeout) and Prisma's codes (P1001,
 * P1017, P2024). The error and its causes are searched, a few levels deep.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
const MESSAGES =
  /Connection terminated|connection (?:is )?closed|Can't reach database|timeout exceeded when trying to connect|the database system is (?:shutting down|starting up|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error/i;

const isPgConnectionState = (code: string) =>
  /^08/.test(code) || code === '57P01' || code === '57P02' || code === '57P03';

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || error === null || typeof error !== 'object') return false;
  const e = error as Record<string, unknown>;
  const code = typeof e.code === 'string' ? e.code : typeof e.originalCode === 'string' ? e.originalCode : '';
  if (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || isPgConnectionState(code)) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  const meta = e.meta as Record<string, unknown> | undefined;
  return (
    isDatabaseUnavailable(e.cause, depth + 1) ||
    (meta !== undefined && isDatabaseUnavailable(meta.driverAdapterError, depth + 1))
  );
}
