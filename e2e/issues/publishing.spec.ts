import { test, expect, signInContext, type TestAccount } from '../fixtures';
import type { Page } from '@playwright/test';
import { seedItem, storedOrder, uniqueTag } from './seed';

const sectionOf = (page: Page, title: string) => page.locator(`li.desk-section[data-section-title="${title}"]`);
const itemTitles = (page: Page, section: string) =>
  sectionOf(page, section)
    .locator('li.desk-item')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-title')));

async function placeThroughPicker(page: Page, section: string, title: string) {
  const block = sectionOf(page, section);
  const picker = block.locator('details.add-item');
  if (!(await picker.evaluate((d) => (d as HTMLDetailsElement).open)))
    await block.getByText('Add an item', { exact: true }).click();
  await block.getByRole('searchbox').fill(title);
  await block.getByRole('button', { name: `Place in ${section}: ${title}` }).click();
  await expect(block.locator(`li.desk-item[data-item-title="${title}"]`)).toBeVisible();
}

test('an editor plans the next issue, orders it with the keyboard, is told what blocks it, publishes it, and unpublishes it', async ({
  page,
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const editor: TestAccount = await makeAccount('EDITOR');
  const author = await makeAccount('CONTRIBUTOR');
  const tag = uniqueTag();
  const a = await seedItem(db, { authorId: author.id, title: `Lead story A ${tag}` });
  const b = await seedItem(db, { authorId: author.id, title: `Lead story B ${tag}` });
  const c = await seedItem(db, { authorId: author.id, title: `Lead story C ${tag}` });
  const draft = await seedItem(db, { authorId: author.id, title: `Unapproved report ${tag}`, state: 'IN_REVIEW' });

  // The desk must hydrate cleanly (no React errors, e.g. server and browser formatting a date differently).
  const browserErrors: string[] = [];
  page.on('pageerror', (e) => browserErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /React|hydrat/i.test(m.text())) browserErrors.push(m.text());
  });
  await signInContext(page.context(), editor);

  // 1. The next number is proposed: one more than the highest issue there is (N° 26's successor on a fresh database).
  await page.goto('/admin/issues');
  const suggested = Number(await page.getByLabel('Number').inputValue());
  const highest = (await db.issue.findFirstOrThrow({ orderBy: { number: 'desc' }, select: { number: true } })).number;
  expect(highest).toBeGreaterThanOrEqual(26);
  expect(suggested).toBe(highest + 1);
  await page.getByLabel('Cover label').fill(`Autumn 2002 ${tag}`);
  await page.getByLabel('Cover date').fill('2002-09-30');
  await page.getByRole('button', { name: 'Create issue' }).click();
  await expect(page).toHaveURL(/\/admin\/issues\/[a-z0-9]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`N° ${suggested} – Autumn 2002 ${tag}`);
  const issue = await db.issue.findUniqueOrThrow({
    where: { number: suggested },
    include: { sections: { orderBy: { position: 'asc' } } },
  });
  expect(issue.state).toBe('PLANNED');
  // It starts with the section template of the settings.
  const shownSections = await page
    .locator('li.desk-section')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-section-title')));
  expect(shownSections).toEqual(issue.sections.map((s) => s.title));
  expect(shownSections).toContain('Lead');

  // 2. Place three approved articles in Lead, and one not yet approved in another section.
  for (const item of [a, b, c]) await placeThroughPicker(page, 'Lead', item.title);
  const other = shownSections.find(
    (t) => t !== 'Lead' && issue.sections.find((s) => s.title === t)?.acceptsKind === null,
  )!;
  await placeThroughPicker(page, other, draft.title);
  expect(await itemTitles(page, 'Lead')).toEqual([a.title, b.title, c.title]);

  // 3. Keyboard: "Move down" twice on A; the focus stays on A's button; the live region says where it went.
  const moveDownA = page.getByRole('button', { name: `Move down: ${a.title}` });
  await moveDownA.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-announcer')).toContainText(`moved down to position 2 of 3 in Lead`);
  await expect(moveDownA).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-announcer')).toContainText(`moved down to position 3 of 3 in Lead`);
  await expect(moveDownA).toBeFocused();
  expect(await itemTitles(page, 'Lead')).toEqual([b.title, c.title, a.title]);
  // Saved at once, and kept over a reload.
  const lead = issue.sections.find((s) => s.title === 'Lead')!;
  await expect.poll(() => storedOrder(db, lead.id)).toEqual([b.title, c.title, a.title]);
  await page.reload();
  expect(await itemTitles(page, 'Lead')).toEqual([b.title, c.title, a.title]);

  // 4. While anything blocks it, the button says so ("Fix 1 thing first") and leads to the one list of
  // blockers, each linked to its fix; empty sections are listed apart, as left out (they block nothing).
  await expect(page.getByRole('button', { name: 'Publish issue' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Fix 1 thing first' }).click();
  await expect(page.getByRole('heading', { name: 'One thing blocks publishing' })).toBeFocused();
  await expect(page.getByTestId('publish-outcome')).toHaveCount(0);
  const readiness = page.getByTestId('readiness');
  const draftBlocker = readiness.getByRole('listitem').filter({ hasText: draft.title });
  await expect(draftBlocker).toContainText(`"${draft.title}" is in review: it must be approved.`);
  await expect(draftBlocker.getByRole('link', { name: 'Open the item' })).toHaveAttribute(
    'href',
    `/admin/items/${draft.id}`,
  );
  const empty = issue.sections.filter((s) => s.title !== 'Lead' && s.title !== other).map((s) => s.title);
  for (const title of empty) {
    await expect(
      page
        .getByTestId('readiness-warnings')
        .getByRole('listitem')
        .filter({ hasText: `The section "${title}" is empty: it is left out` })
        .getByRole('link', { name: 'Go to the section' }),
    ).toHaveAttribute('href', new RegExp(`#section-`));
  }
  expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).state).not.toBe('PUBLISHED');
  expect(await db.item.count({ where: { issueId: issue.id, state: 'PUBLISHED' } })).toBe(0);

  // A section that holds items is not removed; the message says why.
  await sectionOf(page, 'Lead').getByText('Section settings', { exact: true }).click();
  await sectionOf(page, 'Lead').getByRole('button', { name: 'Remove section: Lead' }).click();
  await expect(sectionOf(page, 'Lead')).toContainText('The section "Lead" holds 3 items');

  // 5. Resolve: the item is approved (by its editor, elsewhere), the empty sections go.
  await db.item.update({ where: { id: draft.id }, data: { state: 'APPROVED', version: { increment: 1 } } });
  for (const title of empty) {
    await sectionOf(page, title).getByText('Section settings', { exact: true }).click();
    await sectionOf(page, title)
      .getByRole('button', { name: `Remove section: ${title}` })
      .click();
    await expect(sectionOf(page, title)).toHaveCount(0);
  }
  await page.reload();
  await expect(page.getByTestId('readiness')).toContainText('Ready to publish');

  // 6. Publish: the issue and its items, one timestamp.
  await page.getByRole('button', { name: 'Publish issue' }).click();
  await expect(page.getByTestId('publish-outcome')).toContainText(`N° ${suggested} is published with its 4 items`);
  await expect(page.getByTestId('issue-state')).toHaveText('Published');
  const published = await db.item.findMany({
    where: { issueId: issue.id },
    select: { state: true, publishedAt: true },
  });
  expect(published.map((i) => i.state)).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
  const issueRow = await db.issue.findUniqueOrThrow({ where: { id: issue.id } });
  expect(new Set(published.map((i) => i.publishedAt!.toISOString()))).toEqual(
    new Set([issueRow.publishedAt!.toISOString()]),
  );

  // 7. A reader without an account sees it on the very next request, in the order set.
  const reader = await browser.newContext();
  try {
    const readerPage = await reader.newPage();
    const response = await readerPage.goto(`/issues/${suggested}`);
    expect(response?.status()).toBe(200);
    await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(`N° ${suggested} – Autumn 2002 ${tag}`);
    const shown = await readerPage.locator('.issue-item__title').allTextContents();
    expect(shown).toEqual([b.title, c.title, a.title, draft.title]);
    expect((await readerPage.goto(`/issues/${suggested}/${a.slug}`))?.status()).toBe(200);

    // 8. Unpublish (after confirming): the issue and its items answer 404 again on the next request.
    await page.getByRole('button', { name: 'Unpublish issue' }).click();
    await page.getByRole('button', { name: 'Yes, unpublish' }).click();
    await expect(page.getByTestId('publish-outcome')).toContainText('no longer on the public site');
    await expect(page.getByTestId('issue-state')).toHaveText('Withdrawn');
    for (const url of [
      `/issues/${suggested}`,
      `/issues/${suggested}/${a.slug}`,
      `/issues/${suggested}/${draft.slug}`,
    ]) {
      expect((await readerPage.goto(url))?.status(), url).toBe(404);
    }
    await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText('This page is not in the bulletin');
  } finally {
    await reader.close();
  }
  expect(await db.item.count({ where: { issueId: issue.id, state: 'APPROVED' } })).toBe(4);
  expect(browserErrors).toEqual([]);
  const events = await db.auditEvent.findMany({
    where: { entityId: issue.id, action: { in: ['issue.create', 'issue.publish', 'issue.unpublish'] } },
    orderBy: { id: 'asc' },
  });
  expect(events.map((e) => [e.action, e.actorId])).toEqual([
    ['issue.create', editor.id],
    ['issue.publish', editor.id],
    ['issue.unpublish', editor.id],
  ]);
});
