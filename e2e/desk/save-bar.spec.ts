import type { Locator, Page } from '@playwright/test';
import { test, expect, signInContext } from '../fixtures';
import { seedItem } from './desk-helpers';

const box = async (l: Locator) => (await l.boundingBox())!;

/** Scrolls so that the top of `field` sits just under the top of the window (under the sticky bar). */
async function scrollUnderBar(page: Page, field: Locator) {
  await field.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 8));
}

test('the sticky save bar never covers the field being worked in', async ({ page, db, makeAccount }) => {
  await page.setViewportSize({ width: 1280, height: 640 });
  const contributor = await makeAccount('CONTRIBUTOR');
  const item = await seedItem(db, {
    authorId: contributor.id,
    paragraphs: Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} of a long text that needs scrolling.`),
  });
  await signInContext(page.context(), contributor);
  await page.goto(`/admin/items/${item.id}`);
  const bar = page.locator('.save-bar');

  for (const label of ['Standfirst', 'Slug']) {
    const field = page.getByLabel(label, { exact: true });
    await scrollUnderBar(page, field);
    // The bar is stuck at the top, over where the field was.
    expect((await box(bar)).y).toBeLessThan(2);
    await field.focus();
    await expect(field).toBeFocused();
    const [f, b] = [await box(field), await box(bar)];
    expect(f.y, `${label} starts below the save bar`).toBeGreaterThanOrEqual(b.y + b.height);
  }

  // Tabbing back up through the form keeps each field clear of the bar too.
  await page.getByLabel('Standfirst', { exact: true }).focus();
  await scrollUnderBar(page, page.getByRole('toolbar', { name: 'Formatting: Text' }));
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  const [f, b] = [await box(focused), await box(bar)];
  expect(f.y).toBeGreaterThanOrEqual(b.y + b.height);
});
