import { test, expect, DEMO_ACCOUNTS, signInContext } from '../fixtures';
import type { Browser, Page } from '@playwright/test';
import { placeInSection, seedIssue, seedItem, uniqueTag } from './seed';

async function createShareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Create share link' }).click();
  const field = page.getByLabel('New share link: copy it now, it is not shown again');
  await expect(field).toHaveValue(/\/preview\/[A-Za-z0-9_-]{43}$/);
  return field.inputValue();
}

/** What a reader without an account gets at a share-link address. */
async function visitSignedOut(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(url);
  return { context, page, status: response?.status(), robotsHeader: response?.headers()['x-robots-tag'] };
}

test('a share link opens the unpublished issue signed out, marked as a preview and not indexed; refused once revoked or expired', async ({
  page,
  browser,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedIssue(db, { sections: [{ title: 'Lead' }], coverLabel: `Winter 2002 ${tag}` });
  const item = await seedItem(db, { authorId: editor.id, title: `Draft for the reviewer ${tag}`, state: 'DRAFT' });
  await placeInSection(db, issue.sections[0]!, [item.id]);

  await signInContext(page.context(), editor);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/admin/issues/${issue.id}`);
  const url = await createShareLink(page);
  expect(new URL(url).pathname).toMatch(/^\/preview\//);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(page.locator('.share-links__table tbody tr')).toHaveCount(1);
  await expect(page.locator('.share-links__table tbody tr').first()).toContainText('Active');
  // Valid 7 days by default.
  const link = await db.previewLink.findFirstOrThrow({ where: { issueId: issue.id } });
  expect(Math.round((link.expiresAt.getTime() - link.createdAt.getTime()) / 86_400_000)).toBe(7);

  const reader = await visitSignedOut(browser, url);
  try {
    expect(reader.status).toBe(200);
    expect(reader.robotsHeader).toBe('noindex, nofollow');
    await expect(reader.page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
    await expect(reader.page.getByRole('note', { name: 'Preview' })).toContainText('Preview — not published');
    await expect(reader.page.getByRole('heading', { level: 1 })).toHaveText(`N° ${issue.number} – Winter 2002 ${tag}`);
    await expect(reader.page.getByRole('heading', { name: item.title })).toBeVisible();
    // Read-only: no back-office controls, and the public address of the issue still answers 404.
    await expect(reader.page.getByRole('button', { name: /Publish|Move|Remove/ })).toHaveCount(0);
    expect((await reader.page.request.get(`/issues/${issue.number}`)).status()).toBe(404);

    // Revoked: the same address now answers the designed 404 (still not indexed).
    await page.getByRole('button', { name: /^Revoke the link created/ }).click();
    await expect(page.locator('.share-links__table tbody tr').first()).toContainText('Revoked');
    const again = await reader.page.goto(url);
    expect(again?.status()).toBe(404);
    expect(again?.headers()['x-robots-tag']).toBe('noindex, nofollow');
    await expect(reader.page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the bulletin');
    await expect(reader.page.getByText(item.title)).toHaveCount(0);
  } finally {
    await reader.context.close();
  }

  // Expired: a second link, its expiry moved into the past.
  await page.reload();
  const second = await createShareLink(page);
  const secondRow = await db.previewLink.findFirstOrThrow({ where: { issueId: issue.id, revokedAt: null } });
  const fresh = await visitSignedOut(browser, second);
  expect(fresh.status).toBe(200);
  await fresh.context.close();
  await db.previewLink.update({ where: { id: secondRow.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await visitSignedOut(browser, second);
  try {
    expect(expired.status).toBe(404);
    await expect(expired.page.getByText(item.title)).toHaveCount(0);
  } finally {
    await expired.context.close();
  }
  await page.reload();
  await expect(page.locator('.share-links__table tbody tr').first()).toContainText('Expired');

  // A token that never existed, or a malformed one: the same 404.
  for (const bogus of ['/preview/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/preview/not-a-token']) {
    const response = await page.request.get(bogus);
    expect(response.status(), bogus).toBe(404);
    expect(response.headers()['x-robots-tag'], bogus).toBe('noindex, nofollow');
  }
});

test('editors preview an issue in the back office as readers will see it; contributors may not, nor make share links', async ({
  page,
  browser,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedIssue(db, { sections: [{ title: 'Lead' }, { title: 'Later' }] });
  const item = await seedItem(db, {
    authorId: editor.id,
    title: `In review for the preview ${tag}`,
    state: 'IN_REVIEW',
  });
  await placeInSection(db, issue.sections[0]!, [item.id]);

  await signInContext(page.context(), editor);
  await page.goto(`/admin/issues/${issue.id}`);
  await page.getByRole('link', { name: 'Open the preview' }).click();
  await expect(page).toHaveURL(`/admin/issues/${issue.id}/preview`);
  await expect(page.getByRole('note', { name: 'Preview' })).toContainText('Preview — not published');
  await expect(page.getByRole('heading', { name: item.title })).toBeVisible();
  // The masthead comes from the settings, as on the public site.
  const settings = await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
  await expect(page.locator('.preview-frame .masthead__title')).toHaveText(settings.title);

  const contributorContext = await browser.newContext();
  try {
    await signInContext(contributorContext, DEMO_ACCOUNTS.contributor);
    const contributor = await contributorContext.newPage();
    for (const path of [`/admin/issues/${issue.id}/preview`, `/admin/issues/${issue.id}`]) {
      expect((await contributor.goto(path))?.status(), path).toBe(403);
      await expect(contributor.getByRole('heading', { level: 1 })).toHaveText('This page is not open to you');
      await expect(contributor.getByText(item.title)).toHaveCount(0);
    }
  } finally {
    await contributorContext.close();
  }
});
