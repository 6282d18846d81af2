import { randomInt } from 'node:crypto';
import { test, expect, signInContext } from '../fixtures';

/**
 * /admin/audit in a browser without JavaScript (the filters are a plain GET form): filter by person,
 * action, entity and days, page through, download the filtered view; a contributor is refused.
 */
const noScript = test.extend({});
noScript.use({ javaScriptEnabled: false });

noScript(
  'an editor filters the audit log in the URL, pages through it and downloads the same view',
  async ({ page, db, makeAccount }) => {
    const editor = await makeAccount('EDITOR');
    const actor = await makeAccount('EDITOR');
    const tag = `e2e${Date.now().toString(36)}${randomInt(1e6)}`;
    // 55 events on one record by one person on 11 March 2002, and one on the next day.
    await db.auditEvent.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        actorId: actor.id,
        action: 'item.approve',
        entityType: 'Item',
        entityId: tag,
        note: `approval ${i + 1}`,
        createdAt: new Date(Date.UTC(2002, 2, 11, 9, 0, i)),
      })),
    });
    await db.auditEvent.create({
      data: {
        actorId: actor.id,
        action: 'item.submit',
        entityType: 'Item',
        entityId: tag,
        createdAt: new Date(Date.UTC(2002, 2, 12, 9)),
      },
    });

    await signInContext(page.context(), editor);
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');

    await page.getByLabel('Person').selectOption({ label: actor.name });
    await page.getByLabel('Action').fill('item.approve');
    await page.getByLabel('Entity').fill(`Item:${tag}`);
    await page.getByLabel('From (day)').fill('2002-03-11');
    await page.getByLabel('To (day, included)').fill('2002-03-11');
    await page.getByRole('button', { name: 'Apply filters' }).click();

    await expect(page).toHaveURL(
      `/admin/audit?actor=${actor.id}&action=item.approve&entity=Item%3A${tag}&from=2002-03-11&to=2002-03-11`,
    );
    await expect(page.getByRole('status')).toHaveText('55 events match these filters.');
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(50);
    await expect(rows.first()).toContainText('approval 55');
    await expect(rows.first()).toContainText(actor.name);

    await page
      .getByRole('navigation', { name: 'Pages of the audit log' })
      .getByRole('link', { name: 'Next page' })
      .click();
    await expect(page).toHaveURL(/[?&]page=2$/);
    await expect(rows).toHaveCount(5);
    await expect(rows.last()).toContainText('approval 1');
    // The filters stay on the form of page 2.
    await expect(page.getByLabel('Action')).toHaveValue('item.approve');

    const link = page.getByRole('link', { name: 'Download these events (CSV)' });
    const href = await link.getAttribute('href');
    expect(href).toBe(
      `/admin/audit/export?actor=${actor.id}&action=item.approve&entity=Item%3A${tag}&from=2002-03-11&to=2002-03-11`,
    );
    const csv = await page.context().request.get(href!);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(56);
    expect(lines.slice(1).every((l) => l.includes(tag) && l.includes('item.approve'))).toBe(true);
  },
);

noScript(
  'a date that does not exist is answered next to its field, and what was typed stays',
  async ({ page, makeAccount }) => {
    await signInContext(page.context(), await makeAccount('EDITOR'));
    await page.goto('/admin/audit?from=2002-02-30&action=issue.');
    await expect(page.locator('#filter-from-error')).toHaveText('There is no such day.');
    await expect(page.getByLabel('Action')).toHaveValue('issue.');
    await expect(page.getByRole('status')).toContainText('Some filters could not be used');
  },
);

test('a contributor is refused the audit log and its export, and has no link to it', async ({ page, makeAccount }) => {
  await signInContext(page.context(), await makeAccount('CONTRIBUTOR'));
  const response = await page.goto('/admin/audit');
  expect(response?.status()).toBe(403);
  expect(await response?.text()).not.toContain('Filter the audit log');
  expect((await page.context().request.get('/admin/audit/export')).status()).toBe(403);
  await page.goto('/admin');
  await expect(
    page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Your account' }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Audit log' }),
  ).toHaveCount(0);
});
