import { test, expect, signInContext } from '../fixtures';
import type { Page } from '@playwright/test';
import { seedItem, uniqueTag } from './seed';

const END_BEFORE_START = 'The meeting cannot end before it starts.';

async function fillMeeting(page: Page, name: string, dates: { start: string; end: string }) {
  await page.getByLabel('Name of the meeting').fill(name);
  await page.getByLabel('Start date').fill(dates.start);
  await page.getByLabel('End date').fill(dates.end);
  await page.getByLabel('How precise the dates are').selectOption('DAY');
  await page.getByLabel('City').fill('Vienna');
  await page.getByLabel('Country').fill('Austria');
  await page.getByLabel('Organisers').fill('OSCE and IOM');
  await page.getByLabel('Who took part').fill('Ministers of interior, border police and NGOs');
  await page.getByLabel('Web address').fill('https://example.org/vienna-2002');
}

async function expectTypedValues(page: Page, name: string, dates: { start: string; end: string }) {
  await expect(page.getByLabel('Name of the meeting')).toHaveValue(name);
  await expect(page.getByLabel('Start date')).toHaveValue(dates.start);
  await expect(page.getByLabel('End date')).toHaveValue(dates.end);
  await expect(page.getByLabel('How precise the dates are')).toHaveValue('DAY');
  await expect(page.getByLabel('City')).toHaveValue('Vienna');
  await expect(page.getByLabel('Country')).toHaveValue('Austria');
  await expect(page.getByLabel('Organisers')).toHaveValue('OSCE and IOM');
  await expect(page.getByLabel('Who took part')).toHaveValue('Ministers of interior, border police and NGOs');
  await expect(page.getByLabel('Web address')).toHaveValue('https://example.org/vienna-2002');
}

test('adding a meeting: an end before the start shows next to the end date, nothing typed is lost, then it saves', async ({
  page,
  db,
  makeAccount,
}) => {
  // Anyone signed in may add a meeting: a contributor here.
  const contributor = await makeAccount('CONTRIBUTOR');
  const name = `Vienna Ministerial ${uniqueTag()}`;
  await signInContext(page.context(), contributor);
  await page.goto('/admin/meetings');
  await page.getByRole('link', { name: 'Add a meeting' }).click();
  await expect(page).toHaveURL('/admin/meetings/new');

  // Instant: leaving a field with a mistake shows it at once.
  await page.getByLabel('Web address').fill('ftp://example.org');
  await page.getByLabel('Web address').blur();
  await expect(page.getByLabel('Web address')).toHaveAccessibleDescription(
    /Enter a full web address starting with http:\/\/ or https:\/\//,
  );

  await fillMeeting(page, name, { start: '2002-09-20', end: '2002-09-18' });
  await expect(page.getByLabel('Web address')).not.toHaveAttribute('aria-invalid');
  await page.getByRole('button', { name: 'Add meeting' }).click();

  const end = page.getByLabel('End date');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription(new RegExp(END_BEFORE_START));
  await expect(page.getByRole('group', { name: 'One thing to correct' })).toBeFocused();
  await expect(page.getByRole('link', { name: `End date: ${END_BEFORE_START}` })).toHaveAttribute(
    'href',
    '#meeting-endDate',
  );
  await expect(page.getByLabel('Start date')).not.toHaveAttribute('aria-invalid');
  await expect(page).toHaveURL('/admin/meetings/new');
  await expectTypedValues(page, name, { start: '2002-09-20', end: '2002-09-18' });
  expect(await db.meeting.count({ where: { name } })).toBe(0);

  // Fixing it clears the error as it is typed; then it saves.
  await end.fill('2002-09-21');
  await expect(end).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText(END_BEFORE_START)).toHaveCount(0);
  await page.getByRole('button', { name: 'Add meeting' }).click();
  await expect(page).toHaveURL(/\/admin\/meetings\/[a-z0-9]+\?saved=new$/);
  await expect(page.getByRole('status')).toContainText('Meeting added.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const saved = await db.meeting.findFirstOrThrow({ where: { name } });
  expect(saved).toMatchObject({
    city: 'Vienna',
    country: 'Austria',
    organisers: 'OSCE and IOM',
    url: 'https://example.org/vienna-2002',
    datePrecision: 'DAY',
  });
  expect(saved.startDate?.toISOString().slice(0, 10)).toBe('2002-09-20');
  expect(saved.endDate?.toISOString().slice(0, 10)).toBe('2002-09-21');
  // The contributor reads what they added.
  await expect(page.getByRole('definition').filter({ hasText: '20–21 September 2002' })).toBeVisible();

  // And finds it in the list's search.
  await page.goto('/admin/meetings');
  await page.getByLabel('Search meetings').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(`/admin/meetings?q=${encodeURIComponent(name).replace(/%20/g, '+')}`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Vienna, Austria');
  await page.reload();
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);
});

test('without JavaScript the server refuses the same mistake, next to the same field, and keeps what was typed', async ({
  browser,
  db,
  makeAccount,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await signInContext(context, await makeAccount('EDITOR'));
    const page = await context.newPage();
    const name = `Server-checked meeting ${uniqueTag()}`;
    await page.goto('/admin/meetings/new');
    await fillMeeting(page, name, { start: '2002-09-20', end: '2002-09-18' });
    await page.getByRole('button', { name: 'Add meeting' }).click();
    await expect(page.getByLabel('End date')).toHaveAccessibleDescription(new RegExp(END_BEFORE_START));
    await expectTypedValues(page, name, { start: '2002-09-20', end: '2002-09-18' });
    expect(await db.meeting.count({ where: { name } })).toBe(0);
  } finally {
    await context.close();
  }
});

test('a contributor reads a meeting but cannot change it, and sees only their own reports on it; an editor edits it', async ({
  browser,
  db,
  makeAccount,
}) => {
  const [me, other, editor] = await Promise.all([
    makeAccount('CONTRIBUTOR'),
    makeAccount('CONTRIBUTOR'),
    makeAccount('EDITOR'),
  ]);
  const tag = uniqueTag();
  const meeting = await db.meeting.create({
    data: {
      name: `Bali follow-up ${tag}`,
      startDate: new Date('2002-02-26'),
      endDate: new Date('2002-02-28'),
      city: 'Bali',
      country: 'Indonesia',
    },
  });
  const mine = await seedItem(db, {
    authorId: me.id,
    title: `My report ${tag}`,
    kind: 'MEETING_REPORT',
    meetingId: meeting.id,
  });
  const theirs = await seedItem(db, {
    authorId: other.id,
    title: `Their report ${tag}`,
    kind: 'MEETING_REPORT',
    meetingId: meeting.id,
    state: 'IN_REVIEW',
  });

  const contributorContext = await browser.newContext();
  const editorContext = await browser.newContext();
  try {
    await signInContext(contributorContext, me);
    const page = await contributorContext.newPage();
    await page.goto(`/admin/meetings/${meeting.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bali follow-up ${tag}`);
    await expect(page.getByText('Only editors can change meeting records.')).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: '26–28 February 2002' })).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save meeting' })).toHaveCount(0);
    const reports = page.getByRole('region', { name: 'Your items reporting on this meeting' });
    await expect(reports.getByRole('link', { name: `My report ${tag}` })).toHaveAttribute(
      'href',
      `/admin/items/${mine.id}`,
    );
    await expect(page.locator('main')).not.toContainText(`Their report ${tag}`);
    // The list does not count other people's reports for them either.
    await page.goto(`/admin/meetings?q=${encodeURIComponent(`Bali follow-up ${tag}`)}`);
    await expect(page.getByRole('columnheader', { name: 'Reports' })).toHaveCount(0);

    await signInContext(editorContext, editor);
    const editorPage = await editorContext.newPage();
    await editorPage.goto(`/admin/meetings/${meeting.id}`);
    const all = editorPage.getByRole('region', { name: 'Items reporting on this meeting' });
    await expect(all.getByRole('link', { name: `My report ${tag}` })).toBeVisible();
    await expect(all.getByRole('link', { name: `Their report ${tag}` })).toHaveAttribute(
      'href',
      `/admin/items/${theirs.id}`,
    );
    await editorPage.getByLabel('City').fill('Nusa Dua, Bali');
    await editorPage.getByRole('button', { name: 'Save meeting' }).click();
    await expect(editorPage.getByRole('status')).toHaveText('Meeting saved.');
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).city).toBe('Nusa Dua, Bali');
    await editorPage.reload();
    await expect(editorPage.getByLabel('City')).toHaveValue('Nusa Dua, Bali');
  } finally {
    await contributorContext.close();
    await editorContext.close();
  }
});

test('the update action itself refuses someone who may not edit: an editor demoted while the form is open is told “not allowed”', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const meeting = await db.meeting.create({
    data: { name: `Turin symposium ${uniqueTag()}`, city: 'Turin', country: 'Italy' },
  });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/meetings/${meeting.id}`);
  await page.getByLabel('City').fill('Rome');
  // The page was allowed; by the time the form is sent, the person is a contributor.
  await db.user.update({ where: { id: editor.id }, data: { role: 'CONTRIBUTOR' } });
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByRole('status')).toHaveText('You may not do this.');
  await expect(page.getByLabel('City')).toHaveValue('Rome');
  expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).city).toBe('Turin');
  // Reloading shows the read-only view the contributor is entitled to.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Save meeting' })).toHaveCount(0);
  await expect(page.getByText('Only editors can change meeting records.')).toBeVisible();
});
