import { request as playwrightRequest } from '@playwright/test';
import { test, expect, signInByRequest, signInContext } from '../fixtures';
import { bodyEditor, seedItem } from './desk-helpers';

/**
 * The item pages over HTTP with real sessions, for each kind of person (the full matrix, actions
 * included, runs in tests/integration/item-actions.test.ts): someone else's item is a 404 like a
 * missing one, no session goes to sign in, and a contributor's submitted item is shown read-only.
 */
test('item pages: sign in first, someone else’s item is not found, one’s own is shown', async ({
  db,
  makeAccount,
  baseURL,
}) => {
  const owner = await makeAccount('CONTRIBUTOR');
  const other = await makeAccount('CONTRIBUTOR');
  const deactivated = await makeAccount('EDITOR');
  const item = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
  const paths = [`/admin/items/${item.id}`, `/admin/items/${item.id}/history`, `/admin/items/${item.id}/preview`];

  const as = async (account: { email: string; password: string } | null) => {
    const request = await playwrightRequest.newContext({ baseURL });
    if (account) expect(await signInByRequest(request, account.email, account.password)).toBe(true);
    return request;
  };
  const anonymous = await as(null);
  const others = await as(other);
  const owners = await as(owner);
  const former = await as(deactivated);
  await db.user.update({
    where: { id: deactivated.id },
    data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } },
  });
  try {
    for (const path of paths) {
      for (const [who, request] of [
        ['anonymous', anonymous],
        ['deactivated', former],
      ] as const) {
        const response = await request.get(path, { maxRedirects: 0 });
        expect(response.status(), `${who} ${path}`).toBe(307);
        expect(response.headers()['location'], `${who} ${path}`).toContain(
          `/login?callbackUrl=${encodeURIComponent(path)}`,
        );
      }
      expect((await others.get(path, { maxRedirects: 0 })).status(), `other contributor ${path}`).toBe(404);
      expect(
        (await others.get(path.replace(item.id, 'no-such-item'), { maxRedirects: 0 })).status(),
        `missing ${path}`,
      ).toBe(404);
      expect((await owners.get(path, { maxRedirects: 0 })).status(), `owner ${path}`).toBe(200);
    }
  } finally {
    for (const r of [anonymous, others, owners, former]) await r.dispose();
  }
});

test('a contributor’s submitted item is read-only for them and says why; a forged save changes nothing', async ({
  page,
  db,
  makeAccount,
}) => {
  const owner = await makeAccount('CONTRIBUTOR');
  const stranger = await makeAccount('CONTRIBUTOR');
  const submitted = await seedItem(db, { authorId: owner.id, state: 'IN_REVIEW', paragraphs: ['Submitted text.'] });
  const theirs = await seedItem(db, { authorId: stranger.id, state: 'DRAFT', paragraphs: ['Not yours.'] });
  const draft = await seedItem(db, { authorId: owner.id, state: 'DRAFT', paragraphs: ['My draft.'] });
  await signInContext(page.context(), owner);

  await page.goto(`/admin/items/${submitted.id}`);
  await expect(page.getByTestId('read-only-reason')).toHaveText(
    /You submitted this item for review, so it is read-only for you/,
  );
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
  await expect(page.getByLabel('Title', { exact: true })).toHaveAttribute('readonly', '');
  await expect(bodyEditor(page)).toHaveAttribute('contenteditable', 'false');
  // They may still answer comments.
  await expect(page.getByRole('button', { name: 'Add comment' })).toBeVisible();

  // The save action, posted from the owner's own draft page with their session, for items they may not change.
  await page.goto(`/admin/items/${draft.id}`);
  await page.getByLabel('Standfirst').fill('Edited.');
  const saveRequest = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const actionId = (await saveRequest).headers()['next-action']!;
  const forge = (itemId: string) =>
    page.evaluate(
      async ({ id, body }) =>
        (
          await fetch(window.location.pathname, {
            method: 'POST',
            headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8' },
            body,
          })
        ).text(),
      {
        id: actionId,
        body: JSON.stringify([
          null,
          { itemId, expectedVersion: 1, fields: { title: 'Forged', body: { type: 'doc', content: [] } } },
        ]),
      },
    );
  const beforeTheirs = await db.item.findUniqueOrThrow({ where: { id: theirs.id } });
  const beforeSubmitted = await db.item.findUniqueOrThrow({ where: { id: submitted.id } });
  expect(await forge(theirs.id)).toContain('"code":"not-found"');
  expect(await forge(submitted.id)).toContain('"code":"not-allowed"');
  expect(await db.item.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(beforeTheirs);
  expect(await db.item.findUniqueOrThrow({ where: { id: submitted.id } })).toEqual(beforeSubmitted);
  expect(await db.revision.count({ where: { itemId: { in: [theirs.id, submitted.id] } } })).toBe(0);
});
