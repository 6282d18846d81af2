import type { Metadata } from 'next';
import { FEED_PATH } from '@/lib/site-url';

/**
 * `alternates` for public pages: the Atom feed link, and the page's canonical path when it has one.
 * Next merges metadata shallowly, so a page that sets `alternates` replaces the layout's: every page
 * builds it here so that none drops the feed link.
 */
export function publicAlternates(siteTitle: string, canonical?: string): NonNullable<Metadata['alternates']> {
  return {
    ...(canonical ? { canonical } : {}),
    types: { 'application/atom+xml': [{ url: FEED_PATH, title: siteTitle }] },
  };
}
