import { reportDatabaseDown } from './database-state';
import { outagePage } from './outage-response';
import { isDatabaseUnavailable } from './unavailable-error';

/**
 * A public route handler (a feed, a calendar, a citation export) that answers the designed 503 with
 * `Retry-After` when its database cannot be reached, instead of Next's 500. proxy.ts gives the outage
 * answer only once the instance knows the database is down, and it never runs for feed.xml or
 * meetings.ics (its matcher), so the handler has to say it itself. The 503 is sent `no-store` and
 * the cache keeps no server error (lib/cache/next-cache-handler.mjs): a cached copy, where there is
 * one, is what readers get meanwhile. Any other error is thrown on, as before.
 *
 * Not covered: sitemap.xml, a metadata route (app/sitemap.ts) that returns data, not a Response. Not
 * yet cached when the database goes away, it answers Next's 500.
 */
export function answeringOutage<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      reportDatabaseDown(`route handler: ${(error as Error).message}`);
      const request = args[0] instanceof Request ? args[0] : null;
      return outagePage('public', request?.method ?? 'GET');
    }
  };
}
