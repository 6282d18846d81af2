import { test, expect, DEMO_ACCOUNTS, signInContext } from '../fixtures';
import { uniqueTag } from './seed';

// Other tests read the title and the disclaimer (from the database); this one changes only the
// subtitle and the phone number, which no other test reads, and puts them back afterwards.
test('an admin saves the publication settings: every error at once, values kept; then the public masthead and footer change on the next request', async ({
  page,
  browser,
  db,
}) => {
  const before = await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
  const tag = uniqueTag();
  const subtitle = `Quarterly bulletin ${tag}`;
  const phone = `+41 22 ${String(Date.now()).slice(-7, -4)} ${String(Date.now()).slice(-4)}`;
  await signInContext(page.context(), DEMO_ACCOUNTS.admin);
  try {
    await page.goto('/admin/settings');
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(before.title);

    // Several mistakes at once, including a template row: all shown, each by its field; nothing saved.
    await page.getByLabel('Title', { exact: true }).fill('');
    await page.getByLabel('Contact e-mail').fill('not an address');
    await page.getByLabel('ISSN').fill('1234-5678');
    await page.getByLabel('Subtitle').fill(subtitle);
    await page.getByRole('button', { name: 'Add a section to the template' }).click();
    const rows = await page.locator('.template-row').count();
    await page.getByLabel(`Section ${rows} title`).fill('lead');
    await page.getByRole('button', { name: 'Save settings' }).click();

    await expect(page.locator('.settings-form').getByRole('alert')).toHaveText(
      '4 fields need correcting: see the messages below.',
    );
    await expect(page.locator('#settings-title-error')).toHaveText('Enter the title of the bulletin.');
    await expect(page.locator('#settings-contactEmail-error')).toContainText('Enter an e-mail address');
    await expect(page.locator('#settings-issn-error')).toContainText('check digit');
    await expect(page.locator('.template-row').nth(rows - 1)).toContainText('"lead" is already in the list.');
    // What was typed is still there.
    await expect(page.getByLabel('ISSN')).toHaveValue('1234-5678');
    await expect(page.getByLabel('Subtitle')).toHaveValue(subtitle);
    await expect(page.getByLabel(`Section ${rows} title`)).toHaveValue('lead');
    expect((await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } })).subtitle).toBe(before.subtitle);

    // Corrected: the title and e-mail back as they were, the extra row removed, a new phone number.
    await page.getByLabel('Title', { exact: true }).fill(before.title);
    await page.getByLabel('Contact e-mail').fill(before.contactEmail);
    await page.getByLabel('ISSN').fill(before.issn);
    await page.getByLabel('Contact phone').fill(phone);
    await page.getByRole('button', { name: `Remove section ${rows} from the template` }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

    const after = await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(after).toMatchObject({
      title: before.title,
      subtitle,
      contactPhone: phone,
      issn: before.issn,
      contactEmail: before.contactEmail,
    });
    expect(after.sectionTemplate).toEqual(before.sectionTemplate);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'settings.update' },
      orderBy: { id: 'desc' },
    });
    expect((audit.data as { changed: string[] }).changed.sort()).toEqual(['contactPhone', 'subtitle']);

    // A reader's very next request shows them.
    const reader = await browser.newContext();
    try {
      const readerPage = await reader.newPage();
      await readerPage.goto('/');
      await expect(readerPage.locator('.masthead__subtitle')).toHaveText(subtitle);
      await expect(readerPage.getByRole('contentinfo')).toContainText(`Tel. ${phone}`);
    } finally {
      await reader.close();
    }
  } finally {
    await db.publicationSettings.update({
      where: { id: 1 },
      data: { subtitle: before.subtitle, contactPhone: before.contactPhone },
    });
  }
});

test('the section template rows can be reordered with the keyboard before saving', async ({ page }) => {
  await signInContext(page.context(), DEMO_ACCOUNTS.admin);
  await page.goto('/admin/settings');
  const first = await page.getByLabel('Section 1 title').inputValue();
  const second = await page.getByLabel('Section 2 title').inputValue();
  const down = page.getByRole('button', { name: 'Move section 1 down' });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Section 1 title')).toHaveValue(second);
  await expect(page.getByLabel('Section 2 title')).toHaveValue(first);
  // The focus follows the moved row (now second).
  await expect(page.getByRole('button', { name: 'Move section 2 down' })).toBeFocused();
  // Not saved: leaving the page changes nothing.
});
