import { listFeedItems } from '@/lib/content/feed';
import { getSettings } from '@/lib/content/published';
import { ATOM_CONTENT_TYPE, buildAtomFeed } from '@/lib/feed/atom';
import { siteUrl } from '@/lib/site-url';

// Read at request time: there is no database at build time, and the feed must follow publishing.
export const dynamic = 'force-dynamic';

/** The Atom feed of the newest published items (lib/content/feed.ts decides which). */
export async function GET(request: Request) {
  const [settings, items] = await Promise.all([getSettings(), listFeedItems()]);
  const xml = buildAtomFeed({ base: siteUrl(request), settings, items });
  return new Response(xml, { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
}
