import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedIssue } from '@/lib/content/published';
import { NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { createPreviewLink } from '@/lib/issues/create-preview-link';
import { getIssueForPreview, getIssueForPreviewToken } from '@/lib/issues/get-issue-for-preview';
import { listPreviewLinks } from '@/lib/issues/list-preview-links';
import { hashPreviewToken } from '@/lib/issues/preview-token';
import { publishIssue } from '@/lib/issues/publish-issue';
import { resolvePreviewToken } from '@/lib/issues/resolve-preview-token';
import { revokePreviewLink } from '@/lib/issues/revoke-preview-link';
import { createItem } from '../helpers/factories';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { auditEventsFor, createPeople, createReadyIssue } from '../helpers/issue-fixtures';

const app = useAppClient();
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

const DAY = 86_400_000;

describe('issue preview and share links', () => {
  it('shows an unpublished issue with every placed item in order, through a link that needs no account', async () => {
    const { issue, sections, authorId } = await createReadyIssue(app.db);
    const draft = await createItem(app.db, {
      authorId,
      state: 'DRAFT',
      section: sections.lead,
      position: 9,
      title: 'Draft still',
    });
    const now = new Date('2030-09-01T10:00:00Z');

    const link = await createPreviewLink(people.editor, issue.id, { now });

    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/preview/${link.token}`);
    expect(link.expiresAt).toEqual(new Date(now.getTime() + 7 * DAY));
    const stored = await app.db.previewLink.findUniqueOrThrow({ where: { id: link.linkId } });
    expect(stored.tokenHash).toBe(hashPreviewToken(link.token));
    expect(JSON.stringify(stored)).not.toContain(link.token);
    const events = await auditEventsFor(app.db, [issue.id], 'previewLink.create');
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain(link.token);

    const preview = await getIssueForPreviewToken(link.token, new Date(now.getTime() + DAY));
    expect(preview?.issue).toMatchObject({ id: issue.id, number: issue.number, publishedAt: null });
    expect(preview?.issue.sections.map((s) => s.title)).toEqual(['Lead', 'Meetings and Policy', 'New Publications']);
    const lead = preview!.issue.sections[0]!.items;
    expect(lead.map((i) => i.title)).toContain('Draft still');
    expect(lead[lead.length - 1]!.id).toBe(draft.id);
    expect(preview?.issue.sections[1]!.items[0]!.meeting?.city).toBe('Bali');
    expect(preview?.issue.sections[2]!.items[0]!.publication?.issuingBody).toBe('IOM');

    expect(await listPreviewLinks(people.editor, issue.id, { now })).toMatchObject([
      { id: link.linkId, status: 'active', createdBy: { id: people.editor.id } },
    ]);
  });

  it('refuses a link after it expires', async () => {
    const { issue } = await createReadyIssue(app.db);
    const now = new Date('2030-09-01T10:00:00Z');
    const link = await createPreviewLink(people.editor, issue.id, { days: 2, now });
    expect(await resolvePreviewToken(link.token, new Date(now.getTime() + 2 * DAY - 1))).toMatchObject({
      issueId: issue.id,
    });
    expect(await resolvePreviewToken(link.token, new Date(now.getTime() + 2 * DAY))).toBeNull();
    expect(await getIssueForPreviewToken(link.token, new Date(now.getTime() + 3 * DAY))).toBeNull();
    expect(await listPreviewLinks(people.editor, issue.id, { now: new Date(now.getTime() + 3 * DAY) })).toMatchObject([
      { status: 'expired' },
    ]);
  });

  it('refuses a link once revoked, at once', async () => {
    const { issue } = await createReadyIssue(app.db);
    const link = await createPreviewLink(people.admin, issue.id);
    expect(await getIssueForPreviewToken(link.token)).not.toBeNull();

    expect(await revokePreviewLink(people.editor, link.linkId)).toEqual({ revoked: true });
    expect(await revokePreviewLink(people.editor, link.linkId)).toEqual({ revoked: false });

    expect(await getIssueForPreviewToken(link.token)).toBeNull();
    expect(await listPreviewLinks(people.editor, issue.id)).toMatchObject([{ status: 'revoked' }]);
    expect(await auditEventsFor(app.db, [issue.id], 'previewLink.revoke')).toHaveLength(1);
  });

  it('opens nothing with an unknown or malformed token', async () => {
    for (const token of ['', 'x', 'A'.repeat(43), `${'A'.repeat(42)}=`, '../../etc/passwd', null, 42]) {
      expect(await getIssueForPreviewToken(token)).toBeNull();
    }
  });

  it('validates the lifetime of a link', async () => {
    const { issue } = await createReadyIssue(app.db);
    for (const days of [0, 31, 1.5])
      expect(await rejectionOf(createPreviewLink(people.editor, issue.id, { days }))).toBeInstanceOf(ValidationError);
  });

  it('gives editors the preview in the very shape readers get once it is published', async () => {
    const { issue } = await createReadyIssue(app.db, { perSection: 2 });
    const before = await getIssueForPreview(people.editor, issue.id);
    await publishIssue(people.editor, issue.id, { expectedVersion: issue.version });
    const published = await getPublishedIssue(issue.number);
    const after = await getIssueForPreview(people.editor, issue.id);
    expect(after).toEqual(published);
    // Same content before publication, only the publication dates differ.
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'publishedAt' ? undefined : v)));
    expect(strip(before)).toEqual(strip(published));
  });

  it('is for editors and admins: contributors are not allowed, anonymous callers find nothing', async () => {
    const { issue } = await createReadyIssue(app.db);
    const link = await createPreviewLink(people.editor, issue.id);
    for (const [actor, error] of [
      [people.contributor, NotAllowedError],
      [people.anonymous, NotFoundError],
      [people.deactivated, NotFoundError],
    ] as const) {
      expect(await rejectionOf(getIssueForPreview(actor, issue.id))).toBeInstanceOf(error);
      expect(await rejectionOf(createPreviewLink(actor, issue.id))).toBeInstanceOf(error);
      expect(await rejectionOf(listPreviewLinks(actor, issue.id))).toBeInstanceOf(error);
      expect(await rejectionOf(revokePreviewLink(actor, link.linkId))).toBeInstanceOf(error);
    }
    expect(await rejectionOf(getIssueForPreview(people.editor, 'no-such-issue'))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(createPreviewLink(people.editor, 'no-such-issue'))).toBeInstanceOf(NotFoundError);
  });
});
