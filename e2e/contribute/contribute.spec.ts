import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, signInContext, test } from '../fixtures';
import { HOSTILE_STRINGS } from '../../tests/helpers/hostile-strings';

/**
 * Information Exchange end to end: a reader sends a meeting with JavaScript on and another with it off
 * (a field error on the way keeps every other value); an editor finds both, accepts one as a meeting
 * report whose meeting has the sent dates and place, and declines the other with a reply that appears
 * in the outbox. The form refuses a submission sooner than 3 seconds after it was drawn, so each
 * reader waits a little before sending, as people do.
 */

const MIN_FILL_WAIT_MS = 3_300;

async function fillMeeting(page: Page, v: Record<string, string>) {
  await page.getByLabel('Your name', { exact: true }).fill(v.name!);
  await page.getByLabel('Your e-mail address', { exact: true }).fill(v.email!);
  await page.getByLabel('Organisation (optional)').fill(v.organisation!);
  await page.getByLabel('A meeting or conference').check();
  await page.getByLabel('Subject', { exact: true }).fill(v.subject!);
  await page.getByLabel('Your message', { exact: true }).fill(v.message!);
  await page.getByLabel('Meeting starts').fill(v.start!);
  await page.getByLabel('Meeting ends').fill(v.end!);
  await page.getByLabel('City', { exact: true }).fill(v.city!);
  await page.getByLabel('Country', { exact: true }).fill(v.country!);
  await page.getByLabel(/The editors may keep and read my message/).check();
}

test('a reader sends meetings with and without JavaScript; an editor accepts one and declines the other', async ({
  browser,
  db,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const first = {
    name: 'Irena Kovač',
    email: `irena-${tag}@harbourlight.example`,
    organisation: "Harbour Light Women's Centre",
    subject: `Seminar on reintegration ${tag}`,
    message: 'A two-day seminar for police and NGOs.',
    start: '2002-09-12',
    end: '2002-09-13',
    city: 'Tirana',
    country: 'Albania',
  };
  const second = {
    name: 'Tomás Ruiz',
    email: `tomas-${tag}@example.org`,
    organisation: 'Observatorio de Migraciones',
    subject: `Round table on border controls ${tag}`,
    message: 'An evening round table.',
    start: '2002-10-03',
    end: '2002-10-03',
    city: 'Madrid',
    country: 'Spain',
  };

  // 1. With JavaScript: the masthead links to the form.
  const on = await browser.newContext();
  const page = await on.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Send us news' }).click();
  await expect(page).toHaveURL(/\/contribute$/);
  await fillMeeting(page, first);
  // A field error (caught in the browser) keeps every other value.
  await page.getByLabel('Subject', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Send to the editors' }).click();
  await expect(page.locator('#subject-error')).toContainText('Enter a subject');
  await expect(page.getByLabel('Your name', { exact: true })).toHaveValue(first.name);
  await expect(page.getByLabel('City', { exact: true })).toHaveValue(first.city);
  await page.getByLabel('Subject', { exact: true }).fill(first.subject);
  await page.waitForTimeout(MIN_FILL_WAIT_MS);
  await page.getByRole('button', { name: 'Send to the editors' }).click();
  await expect(page).toHaveURL(/\/contribute\/sent\?ref=IX-/);
  const firstRef = (await page.locator('.contribute__reference').textContent())!;
  expect(firstRef).toMatch(/^IX-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await on.close();

  // 2. Without JavaScript: a server refusal comes back with the error beside its field and every value.
  const off = await browser.newContext({ javaScriptEnabled: false });
  const plain = await off.newPage();
  await plain.goto('/contribute');
  await fillMeeting(plain, { ...second, city: '', country: '' });
  await plain.getByRole('button', { name: 'Send to the editors' }).click();
  await expect(plain.locator('#meetingCity-error')).toContainText('Enter where the meeting takes place');
  await expect(plain.getByLabel('Your name', { exact: true })).toHaveValue(second.name);
  await expect(plain.getByLabel('Your e-mail address', { exact: true })).toHaveValue(second.email);
  await expect(plain.getByLabel('Subject', { exact: true })).toHaveValue(second.subject);
  await expect(plain.getByLabel('Your message', { exact: true })).toHaveValue(second.message);
  await expect(plain.getByLabel('Meeting starts')).toHaveValue(second.start);
  await expect(plain.getByLabel('A meeting or conference')).toBeChecked();
  await expect(plain.getByLabel(/The editors may keep and read my message/)).toBeChecked();
  await plain.getByLabel('City', { exact: true }).fill(second.city);
  await plain.getByLabel('Country', { exact: true }).fill(second.country);
  await plain.waitForTimeout(MIN_FILL_WAIT_MS);
  await plain.getByRole('button', { name: 'Send to the editors' }).click();
  await expect(plain).toHaveURL(/\/contribute\/sent\?ref=IX-/);
  const secondRef = (await plain.locator('.contribute__reference').textContent())!;
  await off.close();

  // 3. The editor's inbox (as the admin, who also sees the outbox).
  const desk = await browser.newContext();
  await signInContext(desk, { email: DEMO_ACCOUNTS.admin.email, password: DEMO_PASSWORD });
  const editor = await desk.newPage();
  await editor.goto('/admin');
  await expect(editor.getByTestId('contribution-counts')).toContainText('new');
  await editor.goto('/admin/contributions?status=NEW&kind=MEETING');
  await expect(editor.locator(`tr[data-reference="${firstRef}"]`)).toBeVisible();
  await expect(editor.locator(`tr[data-reference="${secondRef}"]`)).toBeVisible();

  await editor.getByRole('link', { name: first.subject }).click();
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(first.subject);
  await editor.getByRole('button', { name: 'Accept as a draft' }).click();
  await expect(editor).toHaveURL(/\/admin\/items\/[^/]+$/);
  const accepted = await db.contribution.findUniqueOrThrow({
    where: { reference: firstRef },
    include: { item: { include: { meeting: true, sources: true } } },
  });
  expect(accepted.status).toBe('ACCEPTED');
  expect(accepted.item?.kind).toBe('MEETING_REPORT');
  expect(accepted.item?.meeting?.startDate?.toISOString().slice(0, 10)).toBe(first.start);
  expect(accepted.item?.meeting?.endDate?.toISOString().slice(0, 10)).toBe(first.end);
  expect(accepted.item?.meeting).toMatchObject({ city: first.city, country: first.country });
  expect(accepted.item?.sources[0]?.name).toBe(`${first.name}, ${first.organisation}`);

  await editor.goto('/admin/contributions?status=NEW');
  await editor.getByRole('link', { name: second.subject }).click();
  const reply = `Thank you: this is outside what the bulletin covers (${tag}).`;
  await editor.getByLabel('Reply to the sender (optional)').fill(reply);
  await editor.getByRole('button', { name: 'Decline', exact: true }).click();
  await expect(editor.locator('[data-fact="Status"]')).toHaveText('Declined');
  await expect(editor.locator('.contribution-replies')).toContainText(reply);
  await editor.goto('/admin/outbox');
  const mail = editor.locator(`article.mail[data-to="${second.email}"]`).filter({ hasText: reply });
  await expect(mail).toBeVisible();
  await expect(mail).toContainText(secondRef);
  await desk.close();
});

test('hostile text in a contribution runs no script in the inbox or on its page', async ({ browser, db }) => {
  const tag = Date.now().toString(36);
  const hostile = HOSTILE_STRINGS.filter((s) => /<|javascript:|on\w+=/i.test(s)).slice(0, 40);
  const c = await db.contribution.create({
    data: {
      reference: `IX-X${tag.slice(-3).toUpperCase()}-SS01`,
      name: hostile[2]!,
      email: `xss-${tag}@example.test`,
      organisation: hostile[3]!,
      kind: 'MEETING',
      subject: `<img src=x onerror="window.__xss=1"> ${tag}`,
      message: hostile.join('\n\n'),
      link: 'https://example.org/?q=<script>window.__xss=1</script>',
      details: { meetingCity: hostile[0]!, meetingCountry: hostile[1]!, meetingStart: '2002-09-12' },
      consent: true,
    },
  });
  const desk = await browser.newContext();
  await signInContext(desk, { email: DEMO_ACCOUNTS.editor.email, password: DEMO_PASSWORD });
  const page = await desk.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await page.goto('/admin/contributions');
  await expect(page.locator(`tr[data-reference="${c.reference}"]`)).toContainText('onerror');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.goto(`/admin/contributions/${c.id}`);
  await expect(page.locator('.contribution-message')).toContainText('<script>window.__xss=1</script>');
  expect(await page.locator('.contribution-message script, .contribution-message img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
  await desk.close();
});

test('contributors do not see the inbox', async ({ browser }) => {
  const context = await browser.newContext();
  await signInContext(context, { email: DEMO_ACCOUNTS.contributor.email, password: DEMO_PASSWORD });
  const page = await context.newPage();
  const response = await page.goto('/admin/contributions');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Contributions' })).toHaveCount(0);
  await context.close();
});
