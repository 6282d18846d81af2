import { test, expect, signInContext } from '../fixtures';
import { placeInSection, seedIssue, seedItem, uniqueTag } from '../issues/seed';

test('an editor previews the e-mail edition of an issue and sends a test to themselves', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const author = await makeAccount('CONTRIBUTOR');
  const tag = uniqueTag();
  const issue = await seedIssue(db, { sections: [{ title: 'Lead' }] });
  const item = await seedItem(db, { authorId: author.id, title: `Edition lead ${tag}` });
  await placeInSection(db, issue.sections[0]!, [item.id]);

  await signInContext(page.context(), editor);
  await page.goto(`/admin/issues/${issue.id}`);
  const panel = page.getByTestId('edition-panel');
  await expect(panel.getByRole('heading', { name: 'E-mail edition' })).toBeVisible();
  await expect(panel.getByTestId('edition-state')).toContainText('Goes to every confirmed subscriber');

  // The preview opens as its own document: the HTML part, and the text part.
  const [preview] = await Promise.all([
    page.context().waitForEvent('page'),
    panel.getByRole('link', { name: 'Preview the e-mail' }).click(),
  ]);
  await preview.waitForLoadState();
  await expect(preview.getByRole('link', { name: `Edition lead ${tag}` })).toBeVisible();
  await expect(preview.getByText(`Standfirst of Edition lead ${tag}.`)).toBeVisible();
  await preview.close();
  const text = await page.request.get(`/admin/issues/${issue.id}/edition?part=text`);
  expect(text.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await text.text()).toContain(`Edition lead ${tag}`);

  await panel.getByRole('button', { name: 'Send a test to myself' }).click();
  await expect(panel.getByRole('status')).toContainText(`Test made for ${editor.email}`);
  const kept = await db.outboxMessage.findFirstOrThrow({ where: { to: editor.email }, orderBy: { createdAt: 'desc' } });
  expect(kept.subject).toMatch(/^\[Test\] .+N° \d+/);
  expect(kept.text).toContain(`Edition lead ${tag}`);

  // Turned off for this issue, and on again.
  await panel.getByRole('button', { name: 'Do not send it for this issue' }).click();
  await expect(panel.getByTestId('edition-state')).toHaveText('Will not be sent for this issue.');
  await panel.getByRole('button', { name: 'Send it when published' }).click();
  await expect(panel.getByTestId('edition-state')).toContainText('Goes to every confirmed subscriber');
});
