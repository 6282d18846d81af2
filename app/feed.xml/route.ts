import { listFeedItems } from '@/lib/content/feed';
import { getSettings } from '@/lib/content/published';
import { ATOM_CONTENT_TYPE, buildAtomFeed } from '@/lib/feed/atom';
import { siteUrl } from '@/lib/site-url';
import { answeringOutage } from '@/lib/outage/route-handler';

// Cached like the public pages (docs/caching.md); the site's URL comes from NEXTAUTH_URL, not the request.
export const dynamic = 'force-static';
export const revalidate = 300;

/** The Atom feed of the newest published items (lib/content/feed.ts decides which). */
export const GET = answeringOutage(async function GET() {
  const [settings, items] = await Promise.all([getSettings(), listFeedItems()]);
  const xml = buildAtomFeed({ base: siteUrl(), settings, items });
  return new Response(xml, { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
});
