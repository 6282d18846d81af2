import { test, expect, signInContext } from '../fixtures';
import { selectInEditor, seedItem, uniqueTag } from './desk-helpers';

test('passages that open review comments quote are marked in the text; resolved ones are not', async ({
  page,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('CONTRIBUTOR');
  const editor = await makeAccount('EDITOR');
  const item = await seedItem(db, {
    authorId: author.id,
    state: 'IN_REVIEW',
    paragraphs: [
      'The ministers met in Bali in February 2002 to discuss smuggling.',
      'Thirty-eight countries took part, with observers from the IOM.',
    ],
  });
  await db.reviewComment.create({
    data: { itemId: item.id, authorId: editor.id, body: 'Which ministers?', quote: 'The ministers met in Bali' },
  });
  await db.reviewComment.create({
    data: {
      itemId: item.id,
      authorId: editor.id,
      body: 'Checked.',
      quote: 'Thirty-eight countries',
      resolvedAt: new Date(),
      resolvedById: editor.id,
    },
  });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/items/${item.id}`);

  const marks = page.locator('.rte-content .rte-commented');
  await expect(marks).toHaveText(['The ministers met in Bali']);

  // A new comment on a selected passage: marked as soon as it is added.
  await selectInEditor(page, 'observers from the IOM');
  await page.getByRole('button', { name: 'Comment on selection' }).click();
  await page.getByLabel('Comment', { exact: true }).fill('Name the observers.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(marks).toHaveText(['The ministers met in Bali', 'observers from the IOM']);

  // Resolving one takes its mark away; the saved text never carries the marks.
  await page
    .getByRole('list', { name: 'Open comments' })
    .getByRole('button', { name: /^Resolve comment: Which ministers/ })
    .click();
  await expect(marks).toHaveText(['observers from the IOM']);
  const stored = await db.item.findUniqueOrThrow({ where: { id: item.id } });
  expect(JSON.stringify(stored.body)).not.toContain('comment');
});

test('a "request changes" note is one thing: the review comment, labelled and first, which the banner points to', async ({
  browser,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('CONTRIBUTOR');
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const item = await seedItem(db, { authorId: author.id, state: 'IN_REVIEW', paragraphs: ['A short report.'] });
  await db.reviewComment.create({ data: { itemId: item.id, authorId: editor.id, body: `An earlier remark ${tag}.` } });

  const editorContext = await browser.newContext();
  await signInContext(editorContext, editor);
  const e = await editorContext.newPage();
  await e.goto(`/admin/items/${item.id}`);
  const note = `Add the dates of the meeting ${tag}.`;
  await e.getByRole('button', { name: 'Request changes' }).click();
  await e.getByLabel('What needs to change').fill(note);
  await e.getByRole('button', { name: 'Send the request' }).click();
  await expect(e.getByTestId('item-state')).toHaveText('Changes requested');
  await editorContext.close();

  const authorContext = await browser.newContext();
  await signInContext(authorContext, author);
  const c = await authorContext.newPage();
  await c.goto(`/admin/items/${item.id}`);
  const banner = c.getByTestId('change-request');
  await expect(banner).toContainText(editor.name);
  // The note's words appear once among the things to act on: in the comment, not again in the banner
  // (the activity list below records the transition with its note, as history).
  await expect(c.getByRole('list', { name: 'Open comments' }).getByText(note, { exact: true })).toHaveCount(1);
  await expect(banner).not.toContainText(note);
  const first = c.getByRole('list', { name: 'Open comments' }).getByTestId('comment').first();
  await expect(first).toContainText('Changes requested');
  await expect(first).toContainText(note);
  await banner.getByRole('link', { name: 'review comments' }).click();
  await expect(c).toHaveURL(/#comment-/);
  await expect(first).toBeInViewport();
  // Resolving that comment is resolving the request: nothing else stays open about it.
  await first.getByRole('button', { name: /^Resolve comment: Add the dates/ }).click();
  await expect(c.getByTestId('open-comment-count')).toHaveText('1 open');
  await authorContext.close();
});
