import type { Page } from '@playwright/test';
import { test, expect, signInContext, DEMO_ACCOUNTS } from '../fixtures';
import { uniqueTag } from '../issues/seed';

/** The href of the first link to `path` in the outbox message sent to `email` (as an admin reads it). */
async function linkFromOutbox(admin: Page, email: string, subject: RegExp, path: string): Promise<string> {
  await admin.goto('/admin/outbox');
  const mail = admin
    .locator(`article.mail[data-to="${email}"]`)
    .filter({ has: admin.getByRole('heading', { name: subject }) });
  await expect(mail).toHaveCount(1);
  const href = await mail.locator(`a[href*="${path}"]`).first().getAttribute('href');
  expect(href).toBeTruthy();
  return new URL(href!).pathname;
}

test('a reader subscribes with JavaScript off, confirms from the outbox link, and unsubscribes from the mail’s link', async ({
  browser,
  db,
}) => {
  test.setTimeout(90_000);
  const email = `reader-${uniqueTag()}@readers.test`;
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const admin = await browser.newContext();
  await signInContext(admin, DEMO_ACCOUNTS.admin);
  const adminPage = await admin.newPage();
  try {
    const page = await reader.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/subscribe$/);

    // Refused without consent: every error at once, what was typed kept.
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.locator('#consent-error')).toContainText('Tick the box');
    await expect(page.getByLabel('E-mail address')).toHaveValue(email);

    await page.getByLabel('Name (optional)').fill('Rita Reader');
    await page.getByLabel(/Send me each new issue/).check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const neutral = page.getByRole('status');
    await expect(neutral).toContainText('Check your inbox');
    const answer = await neutral.textContent();
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).status).toBe('PENDING');

    // The confirmation link, as the admin finds it in the outbox; the page confirms only on the button.
    const confirmPath = await linkFromOutbox(adminPage, email, /^Confirm your subscription/, '/subscribe/confirm/');
    await page.goto(confirmPath);
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).status).toBe('PENDING');
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await expect(page.getByRole('status')).toContainText('You are subscribed');
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).status).toBe('CONFIRMED');
    // The link works once.
    await page.goto(confirmPath);
    await expect(page.getByText('This link has been used already or has expired.')).toBeVisible();

    // Subscribing a confirmed address again: the very same answer.
    await page.goto('/subscribe');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel(/Send me each new issue/).check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByRole('status')).toHaveText(answer!);

    // Unsubscribe from the link at the foot of the welcome mail; then come back.
    const unsubscribePath = await linkFromOutbox(adminPage, email, /^You are subscribed/, '/unsubscribe/');
    await page.goto(unsubscribePath);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('status')).toContainText('You are unsubscribed');
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).status).toBe('UNSUBSCRIBED');
    await page.getByRole('button', { name: 'Subscribe again' }).click();
    await expect(page.getByRole('status')).toContainText('subscribed again');
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).status).toBe('CONFIRMED');

    // The RFC 8058 one-click address of the same token: a bare POST, no cookies, no CSRF token.
    const token = unsubscribePath.split('/').pop()!;
    const oneClick = await reader.request.post(`/api/unsubscribe/${token}`, {
      form: { 'List-Unsubscribe': 'One-Click' },
    });
    expect(oneClick.status()).toBe(200);
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).status).toBe('UNSUBSCRIBED');

    // The address appears on no public page.
    for (const path of ['/', '/subscribe', '/feed.xml', unsubscribePath]) {
      const body = await (await reader.request.get(path)).text();
      expect(body).not.toContain(email);
    }
  } finally {
    await reader.close();
    await admin.close();
  }
});

test('the subscriber list is for admins: editors and contributors get the 403 page', async ({
  browser,
  makeAccount,
}) => {
  for (const role of ['EDITOR', 'CONTRIBUTOR'] as const) {
    const context = await browser.newContext();
    await signInContext(context, await makeAccount(role));
    const response = await context.request.get('/admin/subscribers');
    expect(response.status()).toBe(403);
    expect((await context.request.get('/admin/subscribers/export')).status()).toBe(403);
    await context.close();
  }
  const context = await browser.newContext();
  await signInContext(context, await makeAccount('ADMIN'));
  const page = await context.newPage();
  await page.goto('/admin/subscribers');
  await expect(page.getByRole('heading', { name: 'Subscribers', level: 1 })).toBeVisible();
  await expect(page.getByTestId('subscriber-counts')).toContainText('confirmed');
  await context.close();
});
