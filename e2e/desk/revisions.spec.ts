import { test, expect, signInContext } from '../fixtures';
import { bodyEditor, expectSaved, seedItem, seedPublishedIssue, uniqueTag } from './desk-helpers';

test('revisions: every save is listed with who and when; compare any two word by word; restore one as a new revision', async ({
  page,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const item = await seedItem(db, {
    authorId: editor.id,
    title: `Return agreements ${tag}`,
    paragraphs: ['The boat left at dawn.'],
  });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/items/${item.id}`);

  // Two explicit saves (the first also records the state it started from, as revision 1).
  await bodyEditor(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('The ship left at night.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  await page.getByLabel('Title', { exact: true }).fill(`Return agreements signed ${tag}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  const revisions = await db.revision.findMany({ where: { itemId: item.id }, orderBy: { number: 'asc' } });
  expect(revisions.map((r) => [r.number, r.kind, r.authorId])).toEqual([
    [1, 'SAVE', editor.id],
    [2, 'SAVE', editor.id],
    [3, 'SAVE', editor.id],
  ]);

  await page.getByRole('navigation', { name: 'This item' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`History: Return agreements signed ${tag}`);
  const rows = page.locator('table.revisions tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(editor.name);
  await expect(rows.first()).toContainText('(current)');

  // By default the latest two are compared; then any two.
  await page.getByLabel('Compare revision', { exact: true }).selectOption('1');
  await page.getByLabel('with revision', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/from=1&to=3/);
  const comparison = page.getByTestId('comparison');
  await expect(comparison.locator('[data-field="body"] del')).toHaveText(['boat', 'dawn']);
  await expect(comparison.locator('[data-field="body"] ins')).toHaveText(['ship', 'night']);
  await expect(comparison.locator('[data-field="title"] ins')).toHaveText([/^\s*signed\s*$/]);
  // Not colour alone: insertions are underlined, deletions struck through.
  expect(
    await comparison
      .locator('[data-field="body"] ins')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine),
  ).toBe('underline');
  expect(
    await comparison
      .locator('[data-field="body"] del')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine),
  ).toBe('line-through');

  // Restore revision 1: a new revision, nothing rewritten.
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  await page.getByRole('button', { name: 'Yes, restore revision 1' }).click();
  await expect(page.getByText('Revision 1 restored as revision 4.')).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('Restored from revision 1');
  const after = await db.item.findUniqueOrThrow({ where: { id: item.id } });
  expect(after).toMatchObject({ title: `Return agreements ${tag}`, bodyText: 'The boat left at dawn.', version: 4 });
  const restored = await db.revision.findUniqueOrThrow({ where: { itemId_number: { itemId: item.id, number: 4 } } });
  expect(restored).toMatchObject({ kind: 'RESTORE', restoredFromNumber: 1, authorId: editor.id });
  expect(await db.revision.count({ where: { itemId: item.id } })).toBe(4);

  await page.getByRole('link', { name: 'Open the item' }).click();
  await expect(bodyEditor(page)).toHaveText('The boat left at dawn.');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(`Return agreements ${tag}`);
});

test('a restore from a page that is out of date is refused, not written over a newer save', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const item = await seedItem(db, { authorId: editor.id, paragraphs: ['First.'] });
  await db.revision.create({
    data: {
      itemId: item.id,
      number: 1,
      kind: 'SAVE',
      itemVersion: 1,
      authorId: editor.id,
      snapshot: {
        title: item.title,
        slug: item.slug,
        standfirst: '',
        body: { type: 'doc', content: [] },
        tags: [],
        sources: [],
      },
    },
  });
  await db.revision.create({
    data: {
      itemId: item.id,
      number: 2,
      kind: 'SAVE',
      itemVersion: 1,
      authorId: editor.id,
      snapshot: {
        title: item.title,
        slug: item.slug,
        standfirst: '',
        body: { type: 'doc', content: [] },
        tags: [],
        sources: [],
      },
    },
  });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/items/${item.id}/history`);
  // Someone saves meanwhile.
  await db.item.update({ where: { id: item.id }, data: { version: { increment: 1 }, standfirst: 'Newer.' } });
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  await page.getByRole('button', { name: 'Yes, restore revision 1' }).click();
  await expect(page.getByText('The item changed since this page was opened.')).toBeVisible();
  expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).standfirst).toBe('Newer.');
});

test('an editor corrects a published item: the public page says "Updated" with the date; the preview renders the saved text', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedPublishedIssue(db);
  const item = await seedItem(db, {
    authorId: editor.id,
    title: `A published report ${tag}`,
    state: 'PUBLISHED',
    paragraphs: ['As printed.'],
    issue: { issueId: issue.id, sectionId: issue.sections[0]!.id },
  });
  await page.goto(`/issues/${issue.number}/${item.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
  await expect(page.locator('.updated')).toHaveCount(0);

  await signInContext(page.context(), editor);
  await page.goto(`/admin/items/${item.id}`);
  await expect(page.getByText('This item is published. Saving a change corrects the public page')).toBeVisible();
  await page.getByLabel('Standfirst').fill('Corrected: the figures were for 2001.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  const row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
  expect(row.correctedAt).not.toBeNull();
  expect(row.state).toBe('PUBLISHED');

  await page.getByRole('navigation', { name: 'This item' }).getByRole('link', { name: 'Preview' }).click();
  const preview = page.getByTestId('item-preview');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(item.title);
  await expect(preview.locator('.prose')).toHaveText('As printed.');
  await expect(preview).toContainText('Corrected: the figures were for 2001.');

  await page.goto(`/issues/${issue.number}/${item.slug}`);
  await expect(page.locator('.standfirst')).toHaveText('Corrected: the figures were for 2001.');
  const updated = page.locator('p.updated');
  await expect(updated).toHaveText(
    `Updated ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(row.correctedAt!)}`,
  );
  await expect(updated.locator('time')).toHaveAttribute('datetime', row.correctedAt!.toISOString().slice(0, 10));
});
