import { test, expect, DEMO_ACCOUNTS, signInContext } from '../fixtures';

test('the publication time zone is a setting checked against the IANA names; a wrong one is refused next to it', async ({
  page,
  db,
}) => {
  const before = await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
  await signInContext(page.context(), DEMO_ACCOUNTS.admin);
  await page.goto('/admin/settings');
  const zone = page.getByLabel('Publication time zone');
  await expect(zone).toHaveValue(before.timeZone);
  await zone.fill('Europe/Atlantis');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#settings-timeZone-error')).toHaveText(
    'Enter a time zone by its IANA name, such as Europe/Vienna or America/New_York, or UTC.',
  );
  await expect(zone).toHaveValue('Europe/Atlantis');
  expect((await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } })).timeZone).toBe(before.timeZone);
});
