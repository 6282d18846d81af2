import { test, expect, signInContext } from '../fixtures';
import { removeIssue, seedComments, seedIssue, seedItem, uniqueTag } from './seed';

test('a contributor’s dashboard: their own items only, changes requested first with the editor’s note', async ({
  page,
  db,
  makeAccount,
}) => {
  const [me, other, editor] = await Promise.all([
    makeAccount('CONTRIBUTOR'),
    makeAccount('CONTRIBUTOR'),
    makeAccount('EDITOR'),
  ]);
  const tag = uniqueTag();
  const draft = await seedItem(db, { authorId: me.id, title: `My draft ${tag}` });
  const submitted = await seedItem(db, {
    authorId: me.id,
    title: `My submitted ${tag}`,
    state: 'IN_REVIEW',
    kind: 'MEETING_REPORT',
  });
  const returned = await seedItem(db, { authorId: me.id, title: `My returned ${tag}`, state: 'CHANGES_REQUESTED' });
  await seedComments(db, returned.id, editor.id, 2, 1);
  await db.auditEvent.createMany({
    data: [
      {
        actorId: me.id,
        action: 'item.submit',
        entityType: 'Item',
        entityId: submitted.id,
        fromState: 'DRAFT',
        toState: 'IN_REVIEW',
      },
      {
        actorId: editor.id,
        action: 'item.requestChanges',
        entityType: 'Item',
        entityId: returned.id,
        fromState: 'IN_REVIEW',
        toState: 'CHANGES_REQUESTED',
        note: `Name the ministers ${tag}.`,
      },
    ],
  });
  for (const state of ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'] as const) {
    const theirs = await seedItem(db, { authorId: other.id, title: `Not mine ${state} ${tag}` });
    await db.item.update({ where: { id: theirs.id }, data: { state } });
    await db.auditEvent.create({
      data: { actorId: other.id, action: 'item.submit', entityType: 'Item', entityId: theirs.id, toState: 'IN_REVIEW' },
    });
  }

  await signInContext(page.context(), me);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${me.name}`);

  // Changes requested comes first, with the note and the number of open comments.
  const changes = page.getByRole('region', { name: /Changes requested/ });
  await expect(changes.getByRole('heading', { level: 2 })).toHaveText('Changes requested (1)');
  await expect(changes.getByRole('link', { name: `My returned ${tag}` })).toHaveAttribute(
    'href',
    `/admin/items/${returned.id}`,
  );
  await expect(changes).toContainText('2 open comments');
  await expect(changes).toContainText(`${editor.name}`);
  await expect(changes).toContainText(`Name the ministers ${tag}.`);
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.indexOf('Changes requested (1)')).toBeLessThan(headings.indexOf('My drafts (1)'));

  const drafts = page.getByRole('region', { name: /My drafts/ });
  await expect(drafts.getByRole('link', { name: `My draft ${tag}` })).toHaveAttribute(
    'href',
    `/admin/items/${draft.id}`,
  );
  const review = page.getByRole('region', { name: /Waiting for review/ });
  await expect(review.getByRole('heading', { level: 2 })).toHaveText('Waiting for review (1)');
  await expect(review.getByRole('link', { name: `My submitted ${tag}` })).toBeVisible();
  await expect(page.getByRole('region', { name: /Approved, not yet/ })).toHaveCount(0);

  // Recent activity: events on their own items, none on anyone else's.
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await expect(
    activity.getByRole('listitem').filter({ hasText: `asked for changes to “My returned ${tag}”` }),
  ).toContainText(editor.name);
  await expect(
    activity.getByRole('listitem').filter({ hasText: `submitted “My submitted ${tag}” for review` }),
  ).toBeVisible();

  // Nobody else's item, anywhere on the page.
  await expect(page.locator('main')).not.toContainText('Not mine');

  // Starting an item, and the full lists.
  await expect(page.getByRole('link', { name: 'New meeting report' })).toHaveAttribute(
    'href',
    '/admin/items/new?kind=meeting_report',
  );
  await expect(page.getByRole('link', { name: 'New publication review' })).toHaveAttribute(
    'href',
    '/admin/items/new?kind=publication_review',
  );
  await expect(page.getByRole('link', { name: 'New article' })).toHaveAttribute(
    'href',
    '/admin/items/new?kind=article',
  );
  await drafts.getByRole('link', { name: 'All 1 of my drafts' }).click();
  await expect(page).toHaveURL('/admin/items?state=draft');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row', { name: new RegExp(`My draft ${tag}`) })).toBeVisible();
});

test('an editor’s dashboard: the whole desk in review, approved items not yet placed, their own drafts', async ({
  page,
  db,
  makeAccount,
}) => {
  const [author, editor] = await Promise.all([makeAccount('CONTRIBUTOR'), makeAccount('EDITOR')]);
  const tag = uniqueTag();
  const issue = await seedIssue(db, `Dashboard ${tag}`);
  try {
    const placed = await seedItem(db, {
      authorId: author.id,
      title: `Placed ${tag}`,
      state: 'APPROVED',
      section: { id: issue.sections[0]!.id, issueId: issue.id },
    });
    await seedItem(db, { authorId: author.id, title: `Their draft ${tag}` });
    const ownDraft = await seedItem(db, { authorId: editor.id, title: `Editor draft ${tag}` });
    const ready = await seedItem(db, { authorId: author.id, title: `Ready ${tag}`, state: 'APPROVED' });
    const waiting = await seedItem(db, { authorId: author.id, title: `Waiting ${tag}`, state: 'IN_REVIEW' });
    await db.auditEvent.create({
      data: {
        actorId: editor.id,
        action: 'item.approve',
        entityType: 'Item',
        entityId: ready.id,
        fromState: 'IN_REVIEW',
        toState: 'APPROVED',
      },
    });
    await db.auditEvent.create({
      data: { actorId: editor.id, action: 'issue.create', entityType: 'Issue', entityId: issue.id, toState: 'PLANNED' },
    });

    await signInContext(page.context(), editor);
    await page.goto('/admin');

    const review = page.getByRole('region', { name: /Waiting for review/ });
    await expect(review.getByRole('link', { name: `Waiting ${tag}` })).toHaveAttribute(
      'href',
      `/admin/items/${waiting.id}`,
    );
    await expect(review.getByRole('listitem').filter({ hasText: `Waiting ${tag}` })).toContainText(`by ${author.name}`);

    const approved = page.getByRole('region', { name: /Approved, not yet in a bulletin issue/ });
    await expect(approved.getByRole('link', { name: `Ready ${tag}` })).toBeVisible();
    await expect(approved).not.toContainText(`Placed ${tag}`);

    const drafts = page.getByRole('region', { name: /My drafts/ });
    await expect(drafts.getByRole('heading', { level: 2 })).toHaveText('My drafts (1)');
    await expect(drafts.getByRole('link', { name: `Editor draft ${tag}` })).toHaveAttribute(
      'href',
      `/admin/items/${ownDraft.id}`,
    );
    await expect(drafts).not.toContainText(`Their draft ${tag}`);

    const activity = page.getByRole('region', { name: 'Recent activity' });
    await expect(activity.getByRole('listitem').filter({ hasText: `approved “Ready ${tag}”` })).toContainText(
      editor.name,
    );
    await expect(activity.getByRole('link', { name: `bulletin issue N° ${issue.number}` })).toHaveAttribute(
      'href',
      `/admin/issues/${issue.id}`,
    );

    // "All … approved and not placed" opens the list with those filters.
    await approved.getByRole('link', { name: /approved and not placed/ }).click();
    await expect(page).toHaveURL('/admin/items?state=approved&issue=none');
    await expect(page.getByLabel('State')).toHaveValue('approved');
    await expect(page.getByLabel('Bulletin issue')).toHaveValue('none');
    await expect(page.getByRole('row', { name: new RegExp(`Ready ${tag}`) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Placed ${tag}`) })).toHaveCount(0);
    expect(placed.id).toBeTruthy();
  } finally {
    await removeIssue(db, issue.id);
  }
});

test('admins keep the links to people and the outbox on the dashboard; others do not get them', async ({
  browser,
  makeAccount,
}) => {
  for (const [role, visible] of [
    ['ADMIN', true],
    ['EDITOR', false],
    ['CONTRIBUTOR', false],
  ] as const) {
    const context = await browser.newContext();
    try {
      await signInContext(context, await makeAccount(role));
      const page = await context.newPage();
      await page.goto('/admin');
      const main = page.getByRole('main');
      await expect(main.getByRole('link', { name: /^People/ })).toHaveCount(visible ? 1 : 0);
      await expect(main.getByRole('link', { name: /^Outbox/ })).toHaveCount(visible ? 1 : 0);
      await expect(main.getByRole('link', { name: /^Your account/ })).toBeVisible();
    } finally {
      await context.close();
    }
  }
});
