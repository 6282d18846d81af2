import { test, expect, signInContext } from '../fixtures';
import type { Page } from '@playwright/test';
import { placeInSection, seedIssue, seedItem, storedOrder, uniqueTag } from './seed';

const titlesIn = (page: Page, section: string) =>
  page
    .locator(`li.desk-section[data-section-title="${section}"] li.desk-item`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-title')));

test('items are reordered by drag and drop, within a section and into another; saved at once and kept over a reload', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedIssue(db, {
    sections: [
      { title: 'Lead', acceptsKind: 'ARTICLE' },
      { title: 'Briefs' },
      { title: 'Reviews', acceptsKind: 'PUBLICATION_REVIEW' },
    ],
  });
  const [lead, briefs] = issue.sections as [(typeof issue.sections)[number], (typeof issue.sections)[number]];
  const a = await seedItem(db, { authorId: editor.id, title: `Story A ${tag}` });
  const b = await seedItem(db, { authorId: editor.id, title: `Story B ${tag}` });
  const c = await seedItem(db, { authorId: editor.id, title: `Story C ${tag}` });
  await placeInSection(db, lead, [a.id, b.id, c.id]);

  await signInContext(page.context(), editor);
  await page.goto(`/admin/issues/${issue.id}`);
  expect(await titlesIn(page, 'Lead')).toEqual([a.title, b.title, c.title]);

  // C onto the top half of A: first.
  const row = (title: string) => page.locator(`li.desk-item[data-item-title="${title}"]`);
  await row(c.title).dragTo(row(a.title), { targetPosition: { x: 40, y: 4 } });
  await expect.poll(() => titlesIn(page, 'Lead')).toEqual([c.title, a.title, b.title]);
  await expect.poll(() => storedOrder(db, lead.id)).toEqual([c.title, a.title, b.title]);
  await expect(page.getByTestId('order-announcer')).toContainText('moved to position 1 of 3 in Lead');

  // A into the empty section Briefs.
  await row(a.title).dragTo(page.locator('li.desk-section[data-section-title="Briefs"] .desk-items__empty'));
  await expect.poll(() => storedOrder(db, briefs.id)).toEqual([a.title]);
  await expect.poll(() => storedOrder(db, lead.id)).toEqual([c.title, b.title]);

  await page.reload();
  expect(await titlesIn(page, 'Lead')).toEqual([c.title, b.title]);
  expect(await titlesIn(page, 'Briefs')).toEqual([a.title]);
  // A section that accepts only reviews takes no article (nothing happens, nothing is saved).
  await row(b.title).dragTo(page.locator('li.desk-section[data-section-title="Reviews"] .desk-items__empty'));
  expect(await storedOrder(db, lead.id)).toEqual([c.title, b.title]);
});

test('sections are reordered with Move up / Move down, with the focus kept on the button', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const issue = await seedIssue(db, { sections: [{ title: 'First' }, { title: 'Second' }, { title: 'Third' }] });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/issues/${issue.id}`);
  const up = page.getByRole('button', { name: 'Move section up: Third' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  // At the top: nothing moves, and the live region says so.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-announcer')).toContainText('already first');
  const shown = () =>
    page.locator('li.desk-section').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-section-title')));
  expect(await shown()).toEqual(['Third', 'First', 'Second']);
  await expect
    .poll(async () =>
      (
        await db.section.findMany({
          where: { issueId: issue.id },
          orderBy: { position: 'asc' },
          select: { title: true },
        })
      ).map((s) => s.title),
    )
    .toEqual(['Third', 'First', 'Second']);
  await page.reload();
  expect(await shown()).toEqual(['Third', 'First', 'Second']);

  // Add a section, rename it, restrict it; an empty one is removed.
  await page.getByLabel('Section title').fill('Late news');
  await page.getByRole('button', { name: 'Add section' }).click();
  await expect(page.locator('li.desk-section[data-section-title="Late news"]')).toBeVisible();
  const late = page.locator('li.desk-section[data-section-title="Late news"]');
  await late.getByText('Section settings', { exact: true }).click();
  await late.getByLabel('Title').fill('Latest news');
  await late.getByRole('button', { name: 'Rename' }).click();
  const latest = page.locator('li.desk-section[data-section-title="Latest news"]');
  await expect(latest).toBeVisible();
  await latest.getByLabel('Accepts').selectOption('ARTICLE');
  await latest.getByRole('button', { name: 'Save kind' }).click();
  await expect(latest).toContainText('Articles only');
  await latest.getByRole('button', { name: 'Remove section: Latest news' }).click();
  await expect(latest).toHaveCount(0);
  expect(await db.section.count({ where: { issueId: issue.id } })).toBe(3);
});
