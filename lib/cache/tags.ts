/**
 * Cache tags of public pages (lib/cache/next-cache-handler.mjs gives each cached entry its tags from
 * its path; this module names them for the writers):
 * - `issue:<n>`: /issues/<n> and every item page under it.
 * - `listing`: every other cached public page or file that shows published content (home, archive,
 *   meetings, publications, topics, feeds, calendars, sitemap, robots).
 * - `all`: everything (publication settings: the masthead and footer are on every page).
 */
export const ALL_TAG = 'all';
export const LISTING_TAG = 'listing';
export const issueTag = (issueNumber: number) => `issue:${issueNumber}`;

/** The one notification channel every instance listens on (lib/cache/listener.ts). */
export const CACHE_CHANNEL = 'quire_cache';
