import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { addComment } from '@/lib/content/comments/add-comment';
import { listComments } from '@/lib/content/comments/list-comments';
import { reopenComment, resolveComment } from '@/lib/content/comments/resolve-comment';
import { getItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { actorOf, rejectionOf, useAppClient } from '../helpers/app-client';
import { createItem as seedItem, createUser } from '../helpers/factories';

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});

async function setup() {
  const author = await createUser(db, 'CONTRIBUTOR');
  const editor = await createUser(db, 'EDITOR');
  const item = await seedItem(db, {
    authorId: author.id,
    state: 'IN_REVIEW',
    title: 'Smuggling across the Strait',
    paragraphs: ['Boats left from the coast at night.', 'Police intercepted two of them.'],
  });
  return { author: actorOf(author), editor: actorOf(editor), item };
}

describe('review comments', () => {
  it('quote a passage of the current text, whitespace as selected', async () => {
    const { editor, item } = await setup();
    const comment = await addComment(editor, item.id, { body: 'Which coast?', quote: 'left from the coast' });
    expect(comment).toMatchObject({
      itemId: item.id,
      body: 'Which coast?',
      quote: 'left from the coast',
      author: { id: editor.id },
      resolvedAt: null,
    });
    // A selection across two paragraphs arrives with a line break or several spaces.
    await expect(addComment(editor, item.id, { body: 'Split?', quote: 'at night.\n\nPolice' })).resolves.toBeTruthy();
    await expect(addComment(editor, item.id, { body: 'Title', quote: 'across the   Strait' })).resolves.toBeTruthy();
    // No quote is fine too.
    await expect(addComment(editor, item.id, { body: 'General remark.', quote: '' })).resolves.toMatchObject({
      quote: null,
    });
  });

  it('refuse a quote that is not in the text, and an empty comment, all at once', async () => {
    const { editor, item } = await setup();
    const notInText = await rejectionOf(addComment(editor, item.id, { body: 'Hm', quote: 'not a passage of it' }));
    expect(notInText).toBeInstanceOf(ValidationError);
    expect(Object.keys((notInText as ValidationError).fieldErrors)).toEqual(['quote']);
    const empty = await rejectionOf(addComment(editor, item.id, { body: '   ', quote: 'x'.repeat(1001) }));
    expect(Object.keys((empty as ValidationError).fieldErrors).sort()).toEqual(['body', 'quote']);
  });

  it("are for editors and the item's author only", async () => {
    const { author, item } = await setup();
    await expect(addComment(author, item.id, { body: 'Answering: the east coast.' })).resolves.toBeTruthy();
    const stranger = actorOf(await createUser(db, 'CONTRIBUTOR'));
    expect(await rejectionOf(addComment(stranger, item.id, { body: 'Hi' }))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(addComment(null, item.id, { body: 'Hi' }))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(listComments(stranger, item.id))).toBeInstanceOf(NotFoundError);
    const comment = await addComment(author, item.id, { body: 'Another.' });
    expect(await rejectionOf(resolveComment(stranger, comment.id))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(resolveComment(null, comment.id))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(reopenComment(stranger, comment.id))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(resolveComment(author, 'no-such-comment'))).toBeInstanceOf(NotFoundError);
  });

  it('resolve and reopen; open ones listed first; the item counts open ones', async () => {
    const { author, editor, item } = await setup();
    const first = await addComment(editor, item.id, { body: 'First' });
    const second = await addComment(editor, item.id, { body: 'Second' });
    const third = await addComment(editor, item.id, { body: 'Third' });
    const resolved = await resolveComment(author, first.id);
    expect(resolved).toMatchObject({ resolvedBy: { id: author.id } });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    // Resolving again keeps who resolved it first.
    expect(await resolveComment(editor, first.id)).toMatchObject({ resolvedBy: { id: author.id } });
    expect((await listComments(editor, item.id)).map((c) => c.body)).toEqual(['Second', 'Third', 'First']);
    expect((await getItemForEdit(author, item.id)).openCommentCount).toBe(2);

    await reopenComment(editor, first.id);
    await resolveComment(editor, third.id);
    const list = await listComments(author, item.id);
    expect(list.map((c) => [c.body, c.resolvedAt === null])).toEqual([
      ['First', true],
      ['Second', true],
      ['Third', false],
    ]);
    expect(list[0]!.resolvedBy).toBeNull();
    expect(second.id).toBeTruthy();
  });
});
