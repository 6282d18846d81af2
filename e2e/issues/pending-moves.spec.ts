import type { Page, Route } from '@playwright/test';
import { test, expect, signInContext } from '../fixtures';
import { placeInSection, seedIssue, seedItem, storedOrder, uniqueTag } from './seed';

const titlesIn = (page: Page, section: string) =>
  page
    .locator(`li.desk-section[data-section-title="${section}"] li.desk-item`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-title')));

/** Holds back the page's server actions (POSTs to its own address) until told what to do with each. */
function holdActions(page: Page, path: string) {
  const held: Route[] = [];
  const matches = (url: URL) => url.pathname === path;
  void page.route(matches, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    held.push(route);
  });
  return {
    next: async () => {
      await expect.poll(() => held.length).toBeGreaterThan(0);
      return held.shift()!;
    },
    stop: () => page.unroute(matches),
  };
}

test('a move not yet saved is shown as pending, leaving asks first, "saved" is said only once it is; a failed save can be tried again', async ({
  page,
  db,
  makeAccount,
}) => {
  test.setTimeout(60_000);
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedIssue(db, { sections: [{ title: 'Lead' }] });
  const lead = issue.sections[0]!;
  const a = await seedItem(db, { authorId: editor.id, title: `Story A ${tag}` });
  const b = await seedItem(db, { authorId: editor.id, title: `Story B ${tag}` });
  await placeInSection(db, lead, [a.id, b.id]);
  await signInContext(page.context(), editor);
  await page.goto(`/admin/issues/${issue.id}`);
  const actions = holdActions(page, `/admin/issues/${issue.id}`);
  const status = page.getByTestId('order-save-status');
  const announcer = page.getByTestId('order-announcer');

  await page.getByRole('button', { name: `Move down: ${a.title}` }).click();
  const first = await actions.next();
  // Shown at once, but pending: said so on screen; nothing announced as done.
  expect(await titlesIn(page, 'Lead')).toEqual([b.title, a.title]);
  await expect(status).toHaveText('Saving the move…');
  await expect(announcer).not.toContainText('Saved');
  expect(await storedOrder(db, lead.id)).toEqual([a.title, b.title]);

  // Leaving now asks first (the browser's own prompt); staying keeps the page.
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  await first.continue();
  await expect(announcer).toContainText(`“${a.title}” moved down to position 2 of 2 in Lead. Saved.`);
  await expect(status).not.toContainText('Saving');
  await expect.poll(() => storedOrder(db, lead.id)).toEqual([b.title, a.title]);

  // A save that fails (the server unreachable): said so, with "Try again", which saves it.
  await page.getByRole('button', { name: `Move up: ${a.title}` }).click();
  await (await actions.next()).abort('connectionreset');
  const alert = page.locator('.desk-contents [role="alert"]');
  await expect(alert).toContainText(`“${a.title}” was not moved: the server could not be reached`);
  await expect(announcer).not.toContainText('moved up to position 1 of 2 in Lead. Saved.');
  expect(await storedOrder(db, lead.id)).toEqual([b.title, a.title]);
  await actions.stop();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(announcer).toContainText(`“${a.title}” moved up to position 1 of 2 in Lead. Saved.`);
  await expect.poll(() => storedOrder(db, lead.id)).toEqual([a.title, b.title]);
  await expect(alert).toHaveCount(0);
  // Nothing pending: leaving does not ask.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});
