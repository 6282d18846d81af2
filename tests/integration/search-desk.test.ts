import { describe, expect, it } from 'vitest';
import { useAppClient } from '../helpers/app-client';
import { actorOf } from '../helpers/app-client';
import { createUser } from '../helpers/factories';
import { createReaderIssue, createReaderItem, uniqueWord } from '../helpers/reader-fixtures';
import { listItems } from '@/lib/content/items/list-items';
import { searchDeskItemIds } from '@/lib/content/search/search-desk-items';

const { db } = useAppClient();

describe('back-office item search', () => {
  it('searches the whole text of every state, scoped by the policy: a contributor finds only their own', async () => {
    const [me, other, editor] = await Promise.all([
      createUser(db, 'CONTRIBUTOR'),
      createUser(db, 'CONTRIBUTOR'),
      createUser(db, 'EDITOR'),
    ]);
    const w = uniqueWord();
    const section = (await createReaderIssue(db, { state: 'IN_PRODUCTION' })).sections[0]!;
    const mine = await createReaderItem(db, {
      authorId: me.id,
      state: 'DRAFT',
      title: 'Mine',
      paragraphs: [`Women were trafficked ${w}.`],
    });
    const theirs = await createReaderItem(db, {
      authorId: other.id,
      state: 'IN_REVIEW',
      title: 'Theirs',
      sources: [`${w} Gazette`],
      section,
    });
    const ids = async (actor: Parameters<typeof listItems>[0], q: string) =>
      (await listItems(actor, { q, pageSize: 100 })).items.map((i) => i.id).sort();

    expect(await ids(actorOf(me), `trafficking ${w}`)).toEqual([mine.id]);
    expect(await ids(actorOf(me), w)).toEqual([mine.id]);
    expect(await ids(actorOf(other), w)).toEqual([theirs.id]);
    expect(await ids(actorOf(editor), w)).toEqual([mine.id, theirs.id].sort());
    expect(await ids(actorOf(editor), `${w} -gazette`)).toEqual([mine.id]);
    // Someone else's words find nothing for a contributor, even with their id in the filters.
    expect((await listItems(actorOf(me), { q: `${w} gazette`, authorId: other.id })).total).toBe(0);
    await expect(searchDeskItemIds(null, w)).rejects.toThrow();
  });

  it('lists only the best matches when the words match more than the limit', async () => {
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const author = await createUser(db, 'CONTRIBUTOR');
    const w = uniqueWord();
    for (let i = 0; i < 4; i++)
      await createReaderItem(db, {
        authorId: author.id,
        state: 'DRAFT',
        title: i === 0 ? `Best ${w}` : 'Other',
        paragraphs: [w],
      });
    expect(await searchDeskItemIds(editor, w, 2)).toHaveLength(2);
    expect((await searchDeskItemIds(editor, w, 1))[0]).toBe(
      (await db.item.findFirstOrThrow({ where: { title: `Best ${w}` } })).id,
    );
  });
});
