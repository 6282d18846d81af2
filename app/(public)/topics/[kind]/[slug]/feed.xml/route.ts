import { listFeedItems } from '@/lib/content/feed';
import { getSettings } from '@/lib/content/published';
import { getPublicTopic } from '@/lib/content/topics';
import { parseSlug } from '@/lib/content/public-params';
import { ATOM_CONTENT_TYPE, buildAtomFeed } from '@/lib/feed/atom';
import { topicFeedPath, topicKindFromParam, topicPath } from '@/lib/reader-paths';
import { siteUrl } from '@/lib/site-url';
import { answeringOutage } from '@/lib/outage/route-handler';

// Read at request time: there is no database at build time, and the feed must follow publishing.
export const dynamic = 'force-dynamic';

/** A topic's Atom feed: its newest published items. 404 when no published item carries the tag. */
export const GET = answeringOutage(async function GET(
  request: Request,
  { params }: { params: Promise<{ kind: string; slug: string }> },
) {
  const p = await params;
  const kind = topicKindFromParam(p.kind);
  const slug = parseSlug(p.slug);
  const topic = kind && slug ? await getPublicTopic(kind, slug) : null;
  if (!kind || !slug || !topic) {
    return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const [settings, items] = await Promise.all([getSettings(), listFeedItems({ tag: { kind, slug } })]);
  const xml = buildAtomFeed({
    base: siteUrl(request),
    settings,
    items,
    path: topicFeedPath(topic.tag),
    title: `${settings.title}: ${topic.tag.name}`,
    pagePath: topicPath(topic.tag),
  });
  return new Response(xml, { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
});
