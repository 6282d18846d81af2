import { test, expect, signInContext } from '../fixtures';
import { placeInSection, seedIssue, seedItem, uniqueTag, withdraw } from './seed';

test('"Publish issue" is not offered while things block it: the button says "Fix N things first" and leads to the one list', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedIssue(db, { sections: [{ title: 'Lead' }, { title: 'Briefs' }] });
  const items = await Promise.all(
    [1, 2, 3].map((n) => seedItem(db, { authorId: editor.id, title: `Unready ${n} ${tag}`, state: 'IN_REVIEW' })),
  );
  await placeInSection(
    db,
    issue.sections[0]!,
    items.map((i) => i.id),
  );
  await signInContext(page.context(), editor);
  await page.goto(`/admin/issues/${issue.id}`);

  await expect(page.getByRole('button', { name: 'Publish issue' })).toHaveCount(0);
  const blocked = page.getByRole('button', { name: 'Fix 3 things first' });
  await expect(blocked).toHaveAccessibleDescription('Publishing opens once the list above is empty.');
  // Not the primary look (the accent fill is for something that can be done now).
  expect(await blocked.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 255, 255)');
  await blocked.click();
  await expect(page.getByRole('heading', { name: '3 things block publishing' })).toBeFocused();
  // One list: each blocker appears once on the page.
  for (const item of items) await expect(page.getByText(`"${item.title}" is in review`)).toHaveCount(1);
  await expect(page.getByTestId('publish-outcome')).toHaveCount(0);
  expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).state).toBe('IN_PRODUCTION');
});

test('empty template sections do not block publishing: they are left out, and readers never see them', async ({
  page,
  db,
  makeAccount,
}) => {
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedIssue(db, {
    sections: [{ title: 'Lead' }, { title: `Empty one ${tag}` }, { title: `Empty two ${tag}` }],
  });
  const item = await seedItem(db, { authorId: editor.id, title: `The only story ${tag}` });
  await placeInSection(db, issue.sections[0]!, [item.id]);
  await signInContext(page.context(), editor);
  await page.goto(`/admin/issues/${issue.id}`);

  await expect(page.getByTestId('readiness')).toContainText('Ready to publish');
  const notes = page.getByTestId('readiness-warnings');
  await expect(notes).toContainText(
    `The section "Empty one ${tag}" is empty: it is left out, readers will not see it.`,
  );
  await expect(notes).toContainText(`The section "Empty two ${tag}" is empty: it is left out`);
  await expect(page.getByTestId('empty-sections-rule')).toHaveText(
    'Empty sections are left out when the issue is published: readers do not see them.',
  );
  try {
    await page.getByRole('button', { name: 'Publish issue' }).click();
    await expect(page.getByTestId('issue-state')).toHaveText('Published');
    const reader = await page.request.get(`/issues/${issue.number}`);
    expect(reader.status()).toBe(200);
    const html = await reader.text();
    expect(html).toContain(item.title);
    expect(html).not.toContain(`Empty one ${tag}`);
    expect(html).not.toContain(`Empty two ${tag}`);
  } finally {
    await withdraw(db, issue.id);
  }
});
