import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, signInContext, type TestAccount } from '../fixtures';
import { uniqueTag } from './seed';

/** Tracker issue 13.3: two editors on one meeting; the later save is refused and shows both, losing nothing typed. */

async function openAs(contexts: BrowserContext[], browser: Browser, account: TestAccount, path: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  await signInContext(context, account);
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Save meeting' })).toBeEnabled();
  return page;
}

test('two editors save one meeting: the second is refused with theirs next to mine, keeps what was typed, and can save mine over theirs', async ({
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const name = `Bangkok Symposium ${uniqueTag()}`;
  const meeting = await db.meeting.create({ data: { name, city: 'Bangkok', country: 'Thailand' } });
  const [alice, bob] = [await makeAccount('EDITOR'), await makeAccount('EDITOR')];
  const contexts: BrowserContext[] = [];
  try {
    const a = await openAs(contexts, browser, alice, `/admin/meetings/${meeting.id}`);
    const b = await openAs(contexts, browser, bob, `/admin/meetings/${meeting.id}`);

    // Bob types first, and is still typing when Alice saves.
    await b.getByLabel('City').fill('Chiang Mai');
    await b.getByLabel('Organisers').fill('Bob typed these organisers\non two lines');

    await a.getByLabel('Name of the meeting').fill(`${name} (renamed by Alice)`);
    await a.getByLabel('City').fill('Pattaya');
    await a.getByRole('button', { name: 'Save meeting' }).click();
    await expect(a.getByRole('status')).toContainText('Meeting saved.');
    await expect.poll(async () => (await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).version).toBe(2);

    // Bob saves from the version he loaded: refused, with Alice's values beside his.
    await b.getByRole('button', { name: 'Save meeting' }).click();
    const conflict = b.getByTestId('save-conflict');
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('heading')).toHaveText('Someone else saved this meeting while you were editing');
    const city = conflict.locator('tr[data-field="city"]');
    await expect(city.locator('[data-side="theirs"]')).toHaveText('Pattaya');
    await expect(city.locator('[data-side="mine"]')).toHaveText('Chiang Mai');
    const nameRow = conflict.locator('tr[data-field="name"]');
    await expect(nameRow.locator('[data-side="theirs"]')).toHaveText(`${name} (renamed by Alice)`);
    await expect(nameRow.locator('[data-side="mine"]')).toHaveText(name);
    // Country is the same on both sides: not listed.
    await expect(conflict.locator('tr[data-field="country"]')).toHaveCount(0);

    // Nothing Bob typed is lost, and nothing of his was stored.
    await expect(b.getByLabel('City')).toHaveValue('Chiang Mai');
    await expect(b.getByLabel('Organisers')).toHaveValue('Bob typed these organisers\non two lines');
    await expect(b.getByLabel('Name of the meeting')).toHaveValue(name);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      city: 'Pattaya',
      organisers: '',
      version: 2,
    });

    // He keeps typing, then saves his over theirs, deliberately.
    await b.getByLabel('Country').fill('Kingdom of Thailand');
    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await expect(b.getByTestId('save-conflict')).toHaveCount(0);
    await expect(b.getByRole('status')).toContainText('Meeting saved.');
    await expect
      .poll(async () => db.meeting.findUniqueOrThrow({ where: { id: meeting.id } }))
      .toMatchObject({
        name,
        city: 'Chiang Mai',
        country: 'Kingdom of Thailand',
        // The browser sends a textarea's line breaks as CRLF.
        organisers: expect.stringMatching(/^Bob typed these organisers\r?\non two lines$/),
        version: 3,
      });

    // Alice's page is now behind: her next save is refused in turn; she takes Bob's version.
    await a.getByLabel('Who took part').fill('Alice adds the participants');
    await a.getByRole('button', { name: 'Save meeting' }).click();
    await expect(a.getByTestId('save-conflict')).toBeVisible();
    await a.getByRole('button', { name: 'Take theirs' }).click();
    await expect(a.getByTestId('save-conflict')).toHaveCount(0);
    await expect(a.getByLabel('City')).toHaveValue('Chiang Mai');
    await expect(a.getByLabel('Who took part')).toHaveValue('');
    await a.getByLabel('Who took part').fill('Alice adds the participants again');
    await a.getByRole('button', { name: 'Save meeting' }).click();
    await expect(a.getByRole('status')).toContainText('Meeting saved.');
    await expect
      .poll(async () => db.meeting.findUniqueOrThrow({ where: { id: meeting.id } }))
      .toMatchObject({ city: 'Chiang Mai', participants: 'Alice adds the participants again', version: 4 });
  } finally {
    for (const context of contexts) await context.close();
  }
});
