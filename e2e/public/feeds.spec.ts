import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { test, expect } from '../fixtures';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

// Elements that may occur once or many times always parse as arrays.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  isArray: (name) => ['entry', 'link', 'category', 'url'].includes(name),
});

type AtomText = string | { '#text': string };
type AtomEntry = {
  id: string;
  title: AtomText;
  link: { '@_href': string; '@_rel'?: string }[];
  updated: string;
  published: string;
  category?: { '@_term': string; '@_scheme': string }[];
};
const text = (node: AtomText | undefined) => (typeof node === 'string' ? node : (node?.['#text'] ?? ''));
const pathOf = (url: string) => new URL(url).pathname;

/** Published items of N° 25 in the order of its contents, and every item of the unpublished N° 26. */
async function demoItems(db: Parameters<Parameters<typeof test>[2]>[0]['db']) {
  const published = await db.item.findMany({
    where: { state: 'PUBLISHED', section: { issue: { number: 25, state: 'PUBLISHED' } } },
    orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }],
    select: { title: true, slug: true, standfirst: true },
  });
  const n26 = await db.item.findMany({
    where: { section: { issue: { number: 26 } } },
    select: { title: true, slug: true, standfirst: true },
  });
  expect(published.length).toBeGreaterThanOrEqual(5);
  expect(n26.length).toBeGreaterThanOrEqual(4);
  expect((await db.issue.findUniqueOrThrow({ where: { number: 26 } })).state).not.toBe('PUBLISHED');
  return { published, n26 };
}

test('/feed.xml is an Atom feed of every published N° 25 item, newest first, and nothing of N° 26', async ({
  request,
  page,
  db,
}) => {
  const { published, n26 } = await demoItems(db);
  const response = await request.get('/feed.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();

  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = parser.parse(xml).feed;
  expect(feed, 'root element is <feed>').toBeDefined();
  expect(feed['@_xmlns']).toBe(ATOM_NS);
  expect(text(feed.title)).toBeTruthy();
  expect(feed.id).toBeTruthy();
  expect(Date.parse(feed.updated)).not.toBeNaN();

  // The browser's own strict XML parser agrees: well-formed, root <feed> in the Atom namespace.
  const root = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      localName: doc.documentElement.localName,
      namespace: doc.documentElement.namespaceURI,
      text: doc.documentElement.textContent ?? '',
    };
  }, xml);
  expect(root).toMatchObject({ error: false, localName: 'feed', namespace: ATOM_NS });

  const entries: AtomEntry[] = feed.entry ?? [];
  for (const entry of entries) {
    expect(text(entry.title)).toBeTruthy();
    expect(entry.id).toBeTruthy();
    expect(entry.link[0]!['@_href']).toMatch(/^https?:\/\/[^/]+\/issues\/\d+\/[a-z0-9-]+$/);
    expect(Date.parse(entry.updated)).not.toBeNaN();
  }

  // Every published N° 25 item, in the order of the issue's contents (they share one publication time).
  const n25Entries = entries.filter((e) => pathOf(e.link[0]!['@_href']).startsWith('/issues/25/'));
  expect(n25Entries.map((e) => pathOf(e.link[0]!['@_href']))).toEqual(published.map((i) => `/issues/25/${i.slug}`));
  expect(n25Entries.map((e) => text(e.title))).toEqual(published.map((i) => i.title));
  expect(n25Entries[0]!.category!.map((c) => c['@_term'])).toContain('N° 25 – Spring 2002');

  // Newest first across the whole feed.
  const times = entries.map((e) => Date.parse(e.published));
  expect(times).toEqual([...times].sort((a, b) => b - a));

  // Nothing of N° 26, neither in the raw document nor in its decoded text (titles may contain '&').
  for (const item of n26) {
    for (const secret of [item.title, item.standfirst].filter(Boolean)) {
      expect(xml.includes(secret), `${secret} in /feed.xml`).toBe(false);
      expect(root.text.includes(secret), `${secret} in /feed.xml (decoded)`).toBe(false);
    }
  }
  expect(xml.includes('/issues/26/')).toBe(false);
});

test('/sitemap.xml lists the public pages and N° 25 items with dates, and no N° 26 URL', async ({ request, db }) => {
  const { published, n26 } = await demoItems(db);
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const urls: { loc: string; lastmod?: string }[] = parser.parse(xml).urlset.url;
  const paths = urls.map((u) => pathOf(u.loc));

  expect(paths).toEqual(expect.arrayContaining(['/', '/issues', '/meetings', '/publications', '/issues/25']));
  for (const item of published) {
    const entry = urls.find((u) => pathOf(u.loc) === `/issues/25/${item.slug}`);
    expect(entry, item.slug).toBeDefined();
    expect(Date.parse(entry!.lastmod ?? '')).not.toBeNaN();
  }
  expect(paths.filter((p) => p.startsWith('/issues/26'))).toEqual([]);
  for (const item of n26) expect(xml.includes(item.slug), item.slug).toBe(false);
});

test('/robots.txt keeps crawlers out of the back office and points to the sitemap', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split('\n').map((l) => l.trim());
  expect(lines).toEqual(
    expect.arrayContaining(['Allow: /', 'Disallow: /admin', 'Disallow: /api', 'Disallow: /preview']),
  );
  const sitemap = lines.find((l) => l.startsWith('Sitemap: '));
  expect(sitemap && pathOf(sitemap.slice('Sitemap: '.length))).toBe('/sitemap.xml');
});

test('item and issue pages carry OpenGraph, a canonical URL and the feed link', async ({ page, db }) => {
  const settings = await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
  const item = await db.item.findFirstOrThrow({
    where: { state: 'PUBLISHED', standfirst: { not: '' }, section: { issue: { number: 25 } } },
    select: { title: true, slug: true, standfirst: true, publishedAt: true },
  });

  await page.goto(`/issues/25/${item.slug}`);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toMatch(/^https?:\/\//);
  expect(pathOf(canonical!)).toBe(`/issues/25/${item.slug}`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', item.title);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', item.standfirst);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', item.standfirst);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', settings.title);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical!);
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute(
    'content',
    item.publishedAt!.toISOString(),
  );
  // A page that sets its own canonical URL still links the feed (metadata merges shallowly).
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    /\/feed\.xml$/,
  );

  await page.goto('/issues/25');
  expect(pathOf((await page.locator('link[rel="canonical"]').getAttribute('href'))!)).toBe('/issues/25');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^N° 25 – /);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');

  await page.goto('/');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    /\/feed\.xml$/,
  );
});
