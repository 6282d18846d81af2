import { describe, expect, it } from 'vitest';
import { useAppClient } from '../helpers/app-client';
import { actorOf } from '../helpers/app-client';
import { createUser } from '../helpers/factories';
import { HOSTILE_QUERIES } from '../fixtures/hostile-queries';
import { searchPublished } from '@/lib/content/search/search-published';
import { listItems } from '@/lib/content/items/list-items';
import { parseSearchQuery } from '@/lib/search/query';

const { db } = useAppClient();

describe('hostile queries', () => {
  it('are 200 distinct strings', () => {
    expect(HOSTILE_QUERIES).toHaveLength(200);
    expect(new Set(HOSTILE_QUERIES).size).toBe(200);
  });

  it('never make the reader search or the back-office search fail', { timeout: 120_000 }, async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const failures: string[] = [];
    for (const q of HOSTILE_QUERIES) {
      for (const params of [{ q }, { q, country: 'ukraine', kind: 'article', page: '2' }]) {
        try {
          const outcome = await searchPublished(parseSearchQuery(params));
          expect(outcome.results.length).toBeLessThanOrEqual(20);
        } catch (e) {
          failures.push(`reader ${JSON.stringify(q.slice(0, 40))}: ${(e as Error).message.slice(0, 200)}`);
        }
      }
      for (const actor of [contributor, editor]) {
        try {
          // The list takes the query string as the page reads it (at most 256 characters).
          await listItems(actor, { q: q.slice(0, 256) });
        } catch (e) {
          failures.push(`desk ${JSON.stringify(q.slice(0, 40))}: ${(e as Error).message.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
