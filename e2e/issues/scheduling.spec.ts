import { test, expect, signInContext } from '../fixtures';
import { placeInSection, seedIssue, seedItem, uniqueTag, withdraw } from './seed';

const utcInput = (d: Date) => d.toISOString().slice(0, 16);

test('an editor schedules publication in UTC, changes it and cancels it; the stored time is what was typed, read as UTC', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const issue = await seedIssue(db, { sections: [{ title: 'Lead' }] });
  await signInContext(page.context(), editor);
  await page.goto(`/admin/issues/${issue.id}`);
  await expect(page.getByTestId('schedule-status')).toHaveText('Not scheduled.');

  // In the past: refused next to the field, what was typed kept.
  const field = page.getByLabel('Publish at (UTC)');
  await field.fill('2002-07-01T09:00');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.locator('#schedule-at-error')).toContainText('Choose a time in the future');
  await expect(field).toHaveValue('2002-07-01T09:00');
  expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).scheduledAt).toBeNull();

  // Two days ahead, on the minute.
  const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 86_400_000);
  await field.fill(utcInput(at));
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByTestId('schedule-status')).toContainText('Publishes automatically at');
  await expect(page.getByTestId('schedule-status')).toContainText('UTC');
  await expect
    .poll(async () => (await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).scheduledAt?.toISOString())
    .toBe(at.toISOString());

  // Changed: three days ahead instead.
  const later = new Date(at.getTime() + 86_400_000 + 30 * 60_000);
  await field.fill(utcInput(later));
  await page.getByRole('button', { name: 'Change schedule' }).click();
  await expect
    .poll(async () => (await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).scheduledAt?.toISOString())
    .toBe(later.toISOString());
  await expect(page.getByLabel('Publish at (UTC)')).toHaveValue(utcInput(later));

  await page.getByRole('button', { name: 'Cancel schedule' }).click();
  await expect(page.getByTestId('schedule-status')).toHaveText('Not scheduled.');
  expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).scheduledAt).toBeNull();
  const actions = (await db.auditEvent.findMany({ where: { entityId: issue.id }, orderBy: { id: 'asc' } })).map(
    (e) => e.action,
  );
  expect(actions).toEqual(['issue.schedule', 'issue.schedule', 'issue.cancelSchedule']);
  // Still unpublished.
  expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).state).toBe('IN_PRODUCTION');
});

test('the server publishes a due issue by itself, without anyone signed in; one that is not ready shows why it was not', async ({
  page,
  request,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const ready = await seedIssue(db, { sections: [{ title: 'Lead' }] });
  const item = await seedItem(db, { authorId: editor.id, title: `Scheduled story ${tag}` });
  await placeInSection(db, ready.sections[0]!, [item.id]);
  const notReady = await seedIssue(db, { sections: [{ title: 'Lead' }] });
  const other = await seedItem(db, { authorId: editor.id, title: `Another story ${tag}`, state: 'IN_REVIEW' });
  await placeInSection(db, notReady.sections[0]!, [other.id]);

  // Both due a moment ago (as if the app had been down at the time).
  const due = new Date(Date.now() - 1000);
  await db.issue.updateMany({ where: { id: { in: [ready.id, notReady.id] } }, data: { scheduledAt: due } });
  try {
    await expect
      .poll(async () => (await db.issue.findUniqueOrThrow({ where: { id: ready.id } })).state, { timeout: 20_000 })
      .toBe('PUBLISHED');
    expect((await request.get(`/issues/${ready.number}`)).status()).toBe(200);
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).state).toBe('PUBLISHED');
    const published = await db.auditEvent.findMany({ where: { entityId: ready.id, action: 'issue.publish' } });
    expect(published).toHaveLength(1);
    expect(published[0]!.actorId).toBeNull();

    await expect
      .poll(async () => (await db.issue.findUniqueOrThrow({ where: { id: notReady.id } })).scheduleError, {
        timeout: 20_000,
      })
      .toContain(`"${other.title}" is in review: it must be approved.`);
    await signInContext(page.context(), editor);
    await page.goto(`/admin/issues/${notReady.id}`);
    await expect(page.getByTestId('schedule-failure')).toContainText('did not happen');
    await expect(page.getByTestId('schedule-failure')).toContainText(`"${other.title}" is in review`);
    expect((await db.issue.findUniqueOrThrow({ where: { id: notReady.id } })).state).toBe('IN_PRODUCTION');
  } finally {
    await withdraw(db, ready.id);
  }
});
