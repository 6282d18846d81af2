import { test, expect, signInContext } from '../fixtures';
import { bodyEditor, caretToEnd, expectSaved, selectInEditor, uniqueTag } from './desk-helpers';

const actionsOf = async (db: Parameters<Parameters<typeof test>[2]>[0]['db'], itemId: string) =>
  (await db.auditEvent.findMany({ where: { entityType: 'Item', entityId: itemId }, orderBy: { id: 'asc' } })).map(
    (e) => e.action,
  );

test('the whole loop with two people: write, submit, comment and request changes, revise, resubmit, approve', async ({
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(150_000);
  const contributor = await makeAccount('CONTRIBUTOR');
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const contributorContext = await browser.newContext();
  const editorContext = await browser.newContext();
  try {
    await signInContext(contributorContext, contributor);
    await signInContext(editorContext, editor);
    const c = await contributorContext.newPage();
    const e = await editorContext.newPage();

    // --- The contributor writes a formatted meeting report, with a new meeting record and two sources.
    await c.goto('/admin/items/new?kind=meeting_report');
    await expect(c.getByRole('heading', { level: 1 })).toHaveText('New meeting report');
    const title = `Ministers meet in Bali ${tag}`;
    await c.getByLabel('Title', { exact: true }).fill(title);
    await expect(c.getByLabel('Slug')).toHaveValue(`ministers-meet-in-bali-${tag}`);
    await c.getByLabel('Standfirst').fill('A regional conference on people smuggling agreed on joint work.');

    await bodyEditor(c).click();
    await c.keyboard.type('Ministers from the region met in Bali. ');
    await c.keyboard.press('Control+b');
    await c.keyboard.type('Smuggling networks');
    await c.keyboard.press('Control+b');
    await c.keyboard.type(' were the main subject of the talks.');
    await c.keyboard.press('Enter');
    await c.getByRole('button', { name: 'Bulleted list' }).click();
    await c.keyboard.type('Shared intelligence');
    await c.keyboard.press('Enter');
    await c.keyboard.type('Return agreements');
    await c.keyboard.press('Enter');
    await c.keyboard.press('Enter');
    await c.keyboard.type('The declaration is on the site of the IOM');
    for (let i = 0; i < 3; i++) await c.keyboard.press('Shift+ArrowLeft');
    await c.keyboard.press('Control+k');
    const linkDialog = c.getByRole('dialog', { name: 'Add link' });
    await linkDialog.getByLabel('Address').fill('https://www.iom.int/bali');
    await linkDialog.getByLabel('Address').press('Enter');
    await expect(bodyEditor(c).locator('a[href="https://www.iom.int/bali"]')).toHaveText('IOM');
    await expect(bodyEditor(c).locator('strong')).toHaveText('Smuggling networks');
    await expect(bodyEditor(c).locator('ul > li')).toHaveCount(2);

    const meeting = c.getByRole('group', { name: 'Meeting' });
    await meeting.getByRole('button', { name: 'New meeting' }).click();
    const newMeeting = c.getByRole('group', { name: 'New meeting' });
    // Every error at once, next to its field, and nothing typed is lost.
    await newMeeting.getByLabel('Starts').fill('2002-02-28');
    await newMeeting.getByLabel('Ends').fill('2002-02-26');
    await newMeeting.getByLabel('Link', { exact: true }).fill('javascript:alert(1)');
    await newMeeting.getByRole('button', { name: 'Create meeting' }).click();
    await expect(newMeeting.locator('#new-meeting-name-error')).toHaveText('Enter the name of the meeting.');
    await expect(newMeeting.locator('#new-meeting-endDate-error')).toHaveText(
      'The meeting cannot end before it starts.',
    );
    await expect(newMeeting.locator('#new-meeting-url-error')).toContainText('http');
    await expect(newMeeting.getByLabel('Starts')).toHaveValue('2002-02-28');
    const meetingName = `Bali Ministerial Conference ${tag}`;
    await newMeeting.getByLabel('Name of the meeting').fill(meetingName);
    await newMeeting.getByLabel('Starts').fill('2002-02-26');
    await newMeeting.getByLabel('Ends').fill('2002-02-28');
    await newMeeting.getByLabel('City').fill('Bali');
    await newMeeting.getByLabel('Country').fill('Indonesia');
    await newMeeting.getByLabel('Organisers').fill('Governments of Indonesia and Australia');
    await newMeeting.getByLabel('Link', { exact: true }).fill('https://www.baliprocess.net/');
    await newMeeting.getByRole('button', { name: 'Create meeting' }).click();
    await expect(c.getByTestId('meeting-selected')).toContainText(meetingName);
    await expect(c.getByTestId('meeting-selected')).toContainText('26–28 February 2002 · Bali, Indonesia');

    const sources = c.getByRole('group', { name: 'Sources' });
    await sources.getByRole('button', { name: 'Add source' }).click();
    await sources.getByRole('button', { name: 'Add source' }).click();
    const first = c.getByRole('group', { name: 'Source 1' });
    await first.getByLabel('Name').fill('Jakarta Post');
    await first.getByLabel('Link').fill('https://www.thejakartapost.com/');
    await first.getByLabel('Date').fill('2002-03-01');
    await c.getByRole('group', { name: 'Source 2' }).getByLabel('Name').fill('IOM press briefing');

    await c.getByRole('button', { name: 'Save', exact: true }).click();
    await c.waitForURL(/\/admin\/items\/[a-z0-9]+$/, { timeout: 20_000 });
    const itemId = c.url().split('/').pop()!;
    await expectSaved(c);

    const stored = await db.item.findUniqueOrThrow({
      where: { id: itemId },
      include: { meeting: true, sources: { orderBy: { position: 'asc' } } },
    });
    expect(stored).toMatchObject({ kind: 'MEETING_REPORT', state: 'DRAFT', authorId: contributor.id, title });
    expect(stored.meeting).toMatchObject({
      name: meetingName,
      city: 'Bali',
      country: 'Indonesia',
      url: 'https://www.baliprocess.net/',
    });
    expect(stored.sources.map((s) => s.name)).toEqual(['Jakarta Post', 'IOM press briefing']);
    const body = JSON.stringify(stored.body);
    expect(body).toContain('"type":"bold"');
    expect(body).toContain('"type":"bulletList"');
    expect(body).toContain('{"type":"link","attrs":{"href":"https://www.iom.int/bali"}}');

    await c.getByRole('button', { name: 'Submit for review' }).click();
    await expect(c.getByTestId('item-state')).toHaveText('In review');
    await expect(c.getByText('Submitted for review.')).toBeVisible();
    await expect(c.getByTestId('read-only-reason')).toContainText('read-only for you');
    await expect(c.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
    await expect(bodyEditor(c)).toHaveAttribute('contenteditable', 'false');
    expect(await actionsOf(db, itemId)).toEqual(['item.create', 'item.submit']);

    // --- The editor comments on a quoted passage and requests changes.
    await e.goto(`/admin/items/${itemId}`);
    await expect(e.getByTestId('item-state')).toHaveText('In review');
    const passage = 'Smuggling networks were the main subject';
    await selectInEditor(e, passage);
    await e.getByRole('button', { name: 'Comment on selection' }).click();
    await expect(e.getByTestId('quote-draft')).toHaveText(passage);
    await e.getByLabel('Comment', { exact: true }).fill('Which networks? Name them and cite the source.');
    await e.getByRole('button', { name: 'Add comment' }).click();
    await expect(e.getByText('Comment added.')).toBeVisible();
    const openComments = e.getByRole('list', { name: 'Open comments' });
    await expect(openComments.getByTestId('comment')).toContainText(['Which networks?']);
    await expect(openComments.locator('blockquote')).toContainText(passage);

    await e.getByRole('button', { name: 'Request changes' }).click();
    await e.getByRole('button', { name: 'Send the request' }).click();
    await expect(e.locator('#transition-note-error')).toHaveText(
      'Say what needs to change: the author sees this note.',
    );
    const note = `Please name the networks and add the numbers the ministers gave. ${tag}`;
    await e.getByLabel('What needs to change').fill(note);
    await e.getByRole('button', { name: 'Send the request' }).click();
    await expect(e.getByTestId('item-state')).toHaveText('Changes requested');
    await expect(e.getByTestId('activity')).toContainText(note);
    expect(await actionsOf(db, itemId)).toEqual(['item.create', 'item.submit', 'item.requestChanges']);
    const requestEvent = await db.auditEvent.findFirstOrThrow({
      where: { entityId: itemId, action: 'item.requestChanges' },
    });
    expect(requestEvent).toMatchObject({
      actorId: editor.id,
      fromState: 'IN_REVIEW',
      toState: 'CHANGES_REQUESTED',
      note,
    });
    const comments = await db.reviewComment.findMany({ where: { itemId }, orderBy: { createdAt: 'asc' } });
    expect(comments).toEqual([
      expect.objectContaining({
        authorId: editor.id,
        quote: passage,
        body: 'Which networks? Name them and cite the source.',
        resolvedAt: null,
      }),
      expect.objectContaining({ authorId: editor.id, quote: null, body: note }),
    ]);

    // --- The contributor sees the note, revises and resubmits.
    await c.reload();
    // The note is one thing: the first open comment, labelled; the notice above the form points to it.
    await expect(c.getByTestId('change-request')).toContainText(editor.name);
    await expect(c.getByTestId('change-request').getByRole('link', { name: 'review comments' })).toBeVisible();
    await expect(c.getByRole('list', { name: 'Open comments' }).getByTestId('comment').first()).toContainText(note);
    await expect(c.getByTestId('open-comment-count')).toHaveText('2 open');
    await expect(c.getByTestId('read-only-reason')).toHaveCount(0);
    await caretToEnd(c);
    await c.keyboard.type(' Three networks ran boats from Java, the ministers said.');
    await expect(c.getByTestId('save-status')).toHaveText(/Unsaved changes|Saving…|Saved at/);
    await c.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSaved(c);
    await c
      .getByRole('list', { name: 'Open comments' })
      .getByRole('button', { name: /^Resolve comment: Which networks/ })
      .click();
    await expect(c.locator('details.comments__resolved > summary')).toHaveText('Resolved comments (1)');
    await c.getByRole('button', { name: 'Submit for review' }).click();
    await expect(c.getByTestId('item-state')).toHaveText('In review');
    expect((await db.item.findUniqueOrThrow({ where: { id: itemId } })).bodyText).toContain(
      'Three networks ran boats from Java',
    );
    expect(await actionsOf(db, itemId)).toEqual(['item.create', 'item.submit', 'item.requestChanges', 'item.submit']);
    expect((await db.reviewComment.findFirstOrThrow({ where: { itemId, quote: passage } })).resolvedById).toBe(
      contributor.id,
    );

    // --- The editor approves.
    await e.reload();
    await expect(bodyEditor(e)).toContainText('Three networks ran boats from Java');
    await e.getByRole('button', { name: 'Approve' }).click();
    await expect(e.getByTestId('item-state')).toHaveText('Approved');
    await expect(e.getByTestId('activity').locator('li')).toHaveCount(5);
    await expect(e.getByTestId('activity').locator('li').last()).toContainText('Approved');
    expect(await actionsOf(db, itemId)).toEqual([
      'item.create',
      'item.submit',
      'item.requestChanges',
      'item.submit',
      'item.approve',
    ]);
    const final = await db.item.findUniqueOrThrow({ where: { id: itemId } });
    expect(final.state).toBe('APPROVED');
    const approve = await db.auditEvent.findFirstOrThrow({ where: { entityId: itemId, action: 'item.approve' } });
    expect(approve).toMatchObject({ actorId: editor.id, fromState: 'IN_REVIEW', toState: 'APPROVED' });

    // The contributor now reads it, and may no longer change it.
    await c.reload();
    await expect(c.getByTestId('item-state')).toHaveText('Approved');
    await expect(c.getByTestId('read-only-reason')).toContainText('approved');
  } finally {
    await contributorContext.close();
    await editorContext.close();
  }
});
