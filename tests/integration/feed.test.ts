import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useAppClient } from '../helpers/app-client';
import { listFeedItems, listSitemapEntries } from '@/lib/content/feed';
import { createIssue, createItem, createUser } from '../helpers/factories';
import { uniqueIssueNumber } from '../helpers/db';

const { db, countQueries } = useAppClient();

/**
 * A publication time later than any other test's (their factories date everything in 2002), and
 * unique to this call, so this file's items lead the shared database's feed whatever else runs.
 */
function futureDate(): Date {
  return new Date(Date.UTC(2090, 0, 1) + randomInt(1e9) * 1000);
}

async function publishAt(ids: string[], publishedAt: Date) {
  await db.item.updateMany({ where: { id: { in: ids } }, data: { publishedAt } });
}

describe('feed and sitemap reads', () => {
  it('list published items of published bulletin issues, newest first, then issue, section and position', async () => {
    const author = await createUser(db);
    const older = await createIssue(db);
    const newer = await createIssue(db, { number: await uniqueIssueNumber() }); // later in the sequence: higher than older's
    const withdrawn = await createIssue(db, { state: 'WITHDRAWN' });

    const place = (
      issue: typeof older,
      section: number,
      position: number,
      state: 'PUBLISHED' | 'APPROVED' = 'PUBLISHED',
    ) => createItem(db, { authorId: author.id, section: issue.sections[section]!, position, state });
    const olderLead2 = await place(older, 0, 2);
    const olderSecond1 = await place(older, 1, 1);
    const olderLead1 = await place(older, 0, 1);
    const newerLead = await place(newer, 0, 0);
    const approved = await place(newer, 0, 1, 'APPROVED');
    const inWithdrawnIssue = await place(withdrawn, 0, 0);
    const latest = await place(older, 1, 5);

    const sameDay = futureDate();
    await publishAt([olderLead2.id, olderSecond1.id, olderLead1.id, newerLead.id, inWithdrawnIssue.id], sameDay);
    await publishAt([latest.id], new Date(sameDay.getTime() + 60_000));

    const feed = await listFeedItems();
    const mine = new Set(
      [olderLead2, olderSecond1, olderLead1, newerLead, approved, inWithdrawnIssue, latest].map((i) => i.id),
    );
    expect(feed.filter((i) => mine.has(i.id)).map((i) => i.id)).toEqual([
      latest.id,
      newerLead.id,
      olderLead1.id,
      olderLead2.id,
      olderSecond1.id,
    ]);

    const entry = feed.find((i) => i.id === newerLead.id)!;
    expect(entry).toMatchObject({
      author: { name: author.name },
      section: { issue: { number: newer.number, coverLabel: 'Test 2002' } },
    });
    expect(entry.body).toBeTruthy();

    expect(await listFeedItems({ limit: 2 })).toHaveLength(2);
  });

  it('cost the same number of queries for 3 items as for 40', async () => {
    const author = await createUser(db);
    const issue = await createIssue(db);
    await createItem(db, { authorId: author.id, section: issue.sections[0]!, state: 'PUBLISHED' });
    const [, small] = await countQueries(() => listFeedItems({ limit: 3 }));
    const [, sitemapBefore] = await countQueries(() => listSitemapEntries());
    for (let i = 0; i < 40; i++)
      await createItem(db, { authorId: author.id, section: issue.sections[i % 2]!, position: i, state: 'PUBLISHED' });
    const [items, large] = await countQueries(() => listFeedItems({ limit: 40 }));
    const [, sitemapAfter] = await countQueries(() => listSitemapEntries());
    expect(items).toHaveLength(40);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6);
    expect(sitemapAfter).toBe(sitemapBefore);
    expect(sitemapAfter).toBeLessThanOrEqual(4);
  });

  it('give the sitemap every public page with its last change, and nothing unpublished', async () => {
    const author = await createUser(db);
    const issue = await createIssue(db);
    const hiddenIssue = await createIssue(db, { state: 'IN_PRODUCTION' });
    const plain = await createItem(db, { authorId: author.id, section: issue.sections[0]!, state: 'PUBLISHED' });
    const corrected = await createItem(db, { authorId: author.id, section: issue.sections[1]!, state: 'PUBLISHED' });
    const correctedAt = new Date('2003-02-01T12:00:00Z');
    await db.item.update({ where: { id: corrected.id }, data: { correctedAt } });
    const draft = await createItem(db, { authorId: author.id, section: issue.sections[0]!, position: 3 });
    const approvedElsewhere = await createItem(db, {
      authorId: author.id,
      section: hiddenIssue.sections[0]!,
      state: 'APPROVED',
    });

    const { issues, items, lastModified } = await listSitemapEntries();
    expect(issues.find((i) => i.number === issue.number)).toEqual({ number: issue.number, lastModified: correctedAt });
    expect(issues.some((i) => i.number === hiddenIssue.number)).toBe(false);
    expect(items.find((i) => i.slug === plain.slug)).toEqual({
      issueNumber: issue.number,
      slug: plain.slug,
      lastModified: plain.publishedAt,
    });
    expect(items.find((i) => i.slug === corrected.slug)).toEqual({
      issueNumber: issue.number,
      slug: corrected.slug,
      lastModified: correctedAt,
    });
    expect(items.some((i) => i.slug === draft.slug || i.slug === approvedElsewhere.slug)).toBe(false);
    expect(lastModified!.getTime()).toBeGreaterThanOrEqual(correctedAt.getTime());
  });
});
