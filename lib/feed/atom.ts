import 'server-only';
import { XMLBuilder } from 'fast-xml-parser';
import type { FeedItem } from '@/lib/content/feed';
import { renderRichText } from '@/lib/rich-text/render';
import { issueLabel, itemKindLabel } from '@/lib/format/labels';
import { absoluteUrl, FEED_PATH, itemPath } from '@/lib/site-url';
import type { TagKind } from '@/generated/prisma/enums';

/**
 * The Atom 1.0 document (RFC 4287) for /feed.xml.
 *
 * Built with fast-xml-parser's XMLBuilder, which escapes every text node and attribute. The `feed`
 * package was the first choice, but its 6.0.0 writes `<` unescaped into category attributes and
 * splits only the first `]]>` of a CDATA section, so a tag name or body containing either would make
 * the whole feed unreadable; the Atom vocabulary itself is small enough to write out here.
 */

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

export interface FeedSettings {
  title: string;
  subtitle: string;
  publisher: string;
  reproductionNotice: string;
  updatedAt: Date;
}

/** Category schemes: fragment identifiers of the feed document, one per vocabulary. */
export function categoryScheme(base: string, vocabulary: 'kind' | 'issue' | Lowercase<TagKind>): string {
  return `${absoluteUrl(base, FEED_PATH)}#${vocabulary}`;
}

/**
 * A stable entry id (RFC 4151 tag URI) from the item's database id, so an entry keeps its identity
 * when its slug or title is corrected. The authority is the site's host name (tag URIs take no port).
 */
export function entryId(base: string, item: Pick<FeedItem, 'id' | 'createdAt'>): string {
  return `tag:${new URL(base).hostname},${item.createdAt.getUTCFullYear()}:item:${item.id}`;
}

// XML 1.0 forbids most control characters even when escaped, and text pasted from word processors
// carries them (vertical tab, form feed); one in a title would make the document unparseable.

const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

type XmlNode = { [key: string]: string | XmlNode | XmlNode[] | undefined };

function textElement(value: string, type?: 'text' | 'html'): XmlNode {
  return type ? { '@_type': type, '#text': xmlText(value) } : { '#text': xmlText(value) };
}

function category(base: string, vocabulary: Parameters<typeof categoryScheme>[1], term: string): XmlNode {
  return { '@_term': xmlText(term), '@_scheme': categoryScheme(base, vocabulary) };
}

function entry(base: string, item: FeedItem): XmlNode {
  const issue = item.section?.issue;
  // publicItemWhere guarantees both; the fallbacks only keep the types total.
  const published = item.publishedAt ?? item.createdAt;
  const href = issue ? absoluteUrl(base, itemPath(issue.number, item.slug)) : absoluteUrl(base, '/');
  const categories: XmlNode[] = [category(base, 'kind', itemKindLabel[item.kind])];
  if (issue) categories.push(category(base, 'issue', `${issueLabel(issue.number)} – ${issue.coverLabel}`));
  for (const { tag } of item.tags)
    categories.push(category(base, tag.kind.toLowerCase() as Lowercase<TagKind>, tag.name));

  return {
    id: textElement(entryId(base, item)),
    title: textElement(item.title, 'text'),
    link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': href },
    published: textElement(published.toISOString()),
    updated: textElement((item.correctedAt ?? published).toISOString()),
    // No per-entry author: back-office account names are not public bylines (issue 13, defect 6).
    // The feed's author, the publisher from the settings, stands for every entry, as Atom allows.
    category: categories,
    summary: item.standfirst ? textElement(item.standfirst, 'text') : undefined,
    content: textElement(renderRichText(item.body), 'html'),
  };
}

/**
 * The feed document; `items` in the order they should appear (newest first). `path`, `title` and
 * `pagePath` describe a feed other than the site's own (a topic's): where it is served, its title,
 * and the page it follows.
 */
export function buildAtomFeed({
  base,
  settings,
  items,
  path = FEED_PATH,
  title = settings.title,
  pagePath = '/',
}: {
  base: string;
  settings: FeedSettings;
  items: FeedItem[];
  path?: string;
  title?: string;
  pagePath?: string;
}): string {
  const updated = items.reduce<Date>(
    (acc, i) => {
      const changed = i.correctedAt ?? i.publishedAt ?? acc;
      return changed > acc ? changed : acc;
    },
    items.length ? new Date(0) : settings.updatedAt,
  );

  const feed: XmlNode = {
    '@_xmlns': ATOM_NS,
    '@_xml:lang': 'en',
    id: textElement(absoluteUrl(base, path)),
    title: textElement(title, 'text'),
    subtitle: settings.subtitle ? textElement(settings.subtitle, 'text') : undefined,
    updated: textElement(updated.toISOString()),
    link: [
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': absoluteUrl(base, path) },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': absoluteUrl(base, pagePath) },
    ],
    // Atom requires an author for every entry; this one stands in for any entry without its own.
    author: { name: textElement(settings.publisher || settings.title) },
    rights: settings.reproductionNotice ? textElement(settings.reproductionNotice, 'text') : undefined,
    generator: textElement('Quire'),
    entry: items.map((item) => entry(base, item)),
  };

  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, feed }) as string;
}
