import { XMLParser } from 'fast-xml-parser';
import { test, expect } from '../fixtures';
import { removeReaderIssue, seedReaderIssue, uniqueWord } from './seed';

test('an item links its tags to topic pages; a topic page lists its items and has an Atom feed', async ({
  page,
  request,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('EDITOR');
  const w = uniqueWord();
  const theme = { kind: 'THEME' as const, name: `Theme ${w}`, slug: `theme-${w}` };
  const { issue, items } = await seedReaderIssue(db, author.id, [
    { title: `First ${w}`, text: 'One.', tags: [theme] },
    { title: `Second ${w}`, text: 'Two.', tags: [theme] },
    { title: `Untagged ${w}`, text: 'Three.' },
  ]);
  try {
    await page.goto(`/issues/${issue.number}/${items[0]!.slug}`);
    await page.getByRole('region', { name: 'Topics' }).getByRole('link', { name: theme.name }).click();
    await expect(page).toHaveURL(`/topics/theme/${theme.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(theme.name);
    await expect(page.locator('.topic-item h2')).toHaveText([`First ${w}`, `Second ${w}`]);
    await expect(page.getByText('2 published items, newest first')).toBeVisible();
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(2);

    await page.goto('/topics');
    await expect(page.getByRole('link', { name: theme.name })).toHaveAttribute('href', `/topics/theme/${theme.slug}`);

    const feed = await request.get(`/topics/theme/${theme.slug}/feed.xml`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' || n === 'link' }).parse(
      await feed.text(),
    ).feed;
    expect(parsed.title['#text'] ?? parsed.title).toContain(theme.name);
    expect(parsed.entry.map((e: { title: { '#text': string } }) => e.title['#text']).sort()).toEqual([
      `First ${w}`,
      `Second ${w}`,
    ]);

    // A tag no published item carries: the designed 404, for the page and the feed.
    await db.tag.create({ data: { kind: 'THEME', name: `Unused ${w}`, slug: `unused-${w}` } });
    const missing = await page.goto(`/topics/theme/unused-${w}`);
    expect(missing!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the bulletin');
    expect((await request.get(`/topics/theme/unused-${w}/feed.xml`)).status()).toBe(404);
    await db.tag.delete({ where: { kind_slug: { kind: 'THEME', slug: `unused-${w}` } } });
  } finally {
    await removeReaderIssue(db, issue.id);
  }
});
