import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { test, expect, signInContext } from '../fixtures';
import { withdraw } from './seed';

/**
 * The importer in the browser: an editor pastes a past bulletin (one of the project's test bulletins),
 * corrects the field Quire flagged, creates the issue, finds it in the issue desk with its sections and
 * items in order, and publishes it through the readiness panel.
 */

const bulletin = readFileSync(
  path.resolve(import.meta.dirname, '../../lib/import/fixtures/bulletin-22-summer-2001.txt'),
  'utf8',
);
const byId = (id: string) => `[id="${id}"]`;

test('an editor imports a past bulletin, corrects a flagged field, creates the issue and publishes it', async ({
  page,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const editor = await makeAccount('EDITOR');
  await signInContext(page.context(), editor);

  await page.goto('/admin/issues');
  await page.getByRole('link', { name: 'import a past bulletin' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import a past bulletin');
  await page.getByLabel('Or paste its text').fill(bulletin);
  await page.getByRole('button', { name: 'Read the bulletin' }).click();

  // The proposal: sections and items, the issue's number and label read from the masthead.
  await expect(page.locator(byId('issue.number'))).toHaveValue('22');
  await expect(page.locator(byId('issue.coverLabel'))).toHaveValue('Summer 2001');
  const sections = page.locator('li.import-section');
  await expect(sections).toHaveCount(5);

  // The hearing's city is flagged and explained; correct it.
  const city = page.locator(byId('sections.1.items.2.meeting.city'));
  await expect(city).toHaveValue('');
  await expect(page.locator(byId('sections.1.items.2.meeting.city-hint'))).toContainText('Check: no city found');
  await city.fill('Strasbourg');

  // A number of its own (below the demo's N° 25, so the public home page keeps showing the demo).
  const taken = new Set((await db.issue.findMany({ select: { number: true } })).map((i) => i.number));
  const free = Array.from({ length: 24 }, (_, i) => i + 1).filter((n) => !taken.has(n));
  const number = free[randomInt(free.length)]!;
  await page.locator(byId('issue.number')).fill(String(number));
  const again = page.getByLabel('Import it again anyway');
  if (await again.isVisible()) await again.check();
  await page.getByRole('button', { name: 'Create issue' }).click();

  // The issue desk: sections and items in the bulletin's order, all approved.
  await expect(page).toHaveURL(/\/admin\/issues\/[a-z0-9]+$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`N° ${number} – Summer 2001`);
  const deskSections = await page
    .locator('li.desk-section')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-section-title')));
  expect(deskSections).toEqual([
    'Lead',
    'Meetings and Policy',
    'New Publications',
    'Other Publications',
    'Information Exchange',
  ]);
  const meetings = await page
    .locator('li.desk-section[data-section-title="Meetings and Policy"] li.desk-item')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-title')));
  expect(meetings).toEqual([
    'Regional Workshop on Return and Reintegration',
    'Mekong Sub-regional Consultation',
    'Inter-Parliamentary Hearing on Forced Labour',
  ]);
  const publications = await page
    .locator('li.desk-section[data-section-title="New Publications"] li.desk-item')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-title')));
  expect(publications).toEqual([
    'Migrant Trafficking and Shelter Needs in the Baltic States',
    'Guidelines for Hotline Counsellors',
  ]);

  // Publish through the readiness panel: nothing blocks it (the corrected city gives the hearing its place).
  await expect(page.getByTestId('readiness')).toContainText('Ready to publish');
  await page.getByRole('button', { name: 'Publish issue' }).click();
  await expect(page.getByTestId('publish-outcome')).toContainText(`N° ${number} is published with its 8 items`);

  const issue = await db.issue.findUniqueOrThrow({
    where: { number },
    include: { sections: { include: { items: true } } },
  });
  expect(issue.state).toBe('PUBLISHED');
  const items = issue.sections.flatMap((s) => s.items);
  expect(items.every((i) => i.state === 'PUBLISHED')).toBe(true);
  const hearing = await db.meeting.findFirstOrThrow({
    where: { items: { some: { id: { in: items.map((i) => i.id) } } }, name: { startsWith: 'Inter-Parliamentary' } },
  });
  expect(hearing.city).toBe('Strasbourg');
  const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'issue.import', entityId: issue.id } });
  expect(event.actorId).toBe(editor.id);
  await withdraw(db, issue.id);
});

test('contributors are refused the import page', async ({ page, makeAccount }) => {
  const contributor = await makeAccount('CONTRIBUTOR');
  await signInContext(page.context(), contributor);
  const response = await page.goto('/admin/issues/import');
  expect(response?.status()).toBe(403);
});
