import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedIssue } from '@/lib/content/published';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { createPreviewLink } from '@/lib/issues/create-preview-link';
import { getIssueForPreview, getIssueForPreviewToken } from '@/lib/issues/get-issue-for-preview';
import { listPreviewLinks } from '@/lib/issues/list-preview-links';
import { hashPreviewToken, newPreviewToken } from '@/lib/issues/preview-token';
import { publishIssue } from '@/lib/issues/publish-issue';
import { resolvePreviewToken } from '@/lib/issues/resolve-preview-token';
import { revokePreviewLink } from '@/lib/issues/revoke-preview-link';
import { unpublishIssue } from '@/lib/issues/unpublish-issue';
import { fireTransition } from '@/lib/workflow/transition';
import { createItem } from '../helpers/factories';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { auditEventsFor, createPeople, createReadyIssue } from '../helpers/issue-fixtures';

const app = useAppClient();
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

const DAY = 86_400_000;

/** The ids of the items a preview shows, sorted (compared with what the test placed, not with another query). */
const itemIdsOf = (preview: { sections: { items: { id: string }[] }[] }) =>
  preview.sections.flatMap((s) => s.items.map((i) => i.id)).sort();

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

  it('leaves archived items out of an unpublished issue, through the desk and through a link', async () => {
    const { issue, sections, items, authorId } = await createReadyIssue(app.db);
    const archived = await createItem(app.db, { authorId, state: 'ARCHIVED', section: sections.lead, position: 5 });
    const draft = await createItem(app.db, { authorId, state: 'DRAFT', section: sections.lead, position: 6 });
    const link = await createPreviewLink(people.editor, issue.id);
    const expected = [...items.map((i) => i.id), draft.id].sort();

    for (const preview of [
      await getIssueForPreview(people.editor, issue.id),
      (await getIssueForPreviewToken(link.token))!.issue,
    ]) {
      const shown = itemIdsOf(preview);
      expect(shown).not.toContain(archived.id);
      expect(shown).toEqual(expected);
    }
  });

  it('shows editors a published issue as readers get it: no item unpublished on its own, none archived', async () => {
    const { issue, items } = await createReadyIssue(app.db, { perSection: 2 });
    await publishIssue(people.editor, issue.id, { expectedVersion: issue.version });
    // Two items of the lead leave the published issue on their own: one back to approved, one then archived.
    const [unpublished, archived] = [items[0]!, items[3]!];
    for (const item of [unpublished, archived]) {
      const fresh = await app.db.item.findUniqueOrThrow({ where: { id: item.id } });
      await fireTransition(people.editor, item.id, 'unpublish', { expectedVersion: fresh.version });
    }
    const again = await app.db.item.findUniqueOrThrow({ where: { id: archived.id } });
    await fireTransition(people.editor, archived.id, 'archive', { expectedVersion: again.version });

    const preview = await getIssueForPreview(people.editor, issue.id);
    const stillPublished = items.filter((i) => i.id !== unpublished.id && i.id !== archived.id).map((i) => i.id);
    expect(itemIdsOf(preview)).toEqual(stillPublished.sort());
    expect(JSON.stringify(preview)).not.toContain(unpublished.title);
    expect(JSON.stringify(preview)).not.toContain(archived.title);
    // And in the very shape readers get.
    expect(preview).toEqual(await getPublishedIssue(issue.number));
  });

  it('ends every live link when the issue is published, in the same transaction, with an audit event', async () => {
    const { issue } = await createReadyIssue(app.db);
    const now = new Date();
    const live = await createPreviewLink(people.editor, issue.id, { now });
    const alsoLive = await createPreviewLink(people.admin, issue.id, { now, days: 30 });
    const revokedBefore = await createPreviewLink(people.editor, issue.id, { now });
    await revokePreviewLink(people.editor, revokedBefore.linkId);
    const expired = await createPreviewLink(people.editor, issue.id, {
      now: new Date(now.getTime() - 3 * DAY),
      days: 1,
    });
    expect(await getIssueForPreviewToken(live.token)).not.toBeNull();

    const published = await publishIssue(people.editor, issue.id, { expectedVersion: issue.version });

    for (const link of [live, alsoLive, revokedBefore, expired])
      expect(await getIssueForPreviewToken(link.token)).toBeNull();
    const stored = await app.db.previewLink.findMany({ where: { issueId: issue.id } });
    const byId = new Map(stored.map((l) => [l.id, l]));
    expect(byId.get(live.linkId)!.revokedAt).toEqual(published.publishedAt);
    expect(byId.get(alsoLive.linkId)!.revokedAt).toEqual(published.publishedAt);
    expect(byId.get(expired.linkId)!.revokedAt).toBeNull();
    const events = await auditEventsFor(app.db, [issue.id], 'previewLink.revoke');
    expect(events.filter((e) => (e.data as { reason?: string }).reason === 'issue.publish')).toMatchObject(
      [live.linkId, alsoLive.linkId].sort().map((linkId) => ({ actorId: people.editor.id, data: { linkId } })),
    );
    expect(events).toHaveLength(3);
    // No new link for what readers see already.
    expect(await rejectionOf(createPreviewLink(people.editor, issue.id))).toBeInstanceOf(ConflictError);
    expect(await app.db.previewLink.count({ where: { issueId: issue.id } })).toBe(4);
  });

  it('ends the links of a withdrawn issue, and a link made after the withdrawal ends when it is published again', async () => {
    const { issue } = await createReadyIssue(app.db);
    const first = await publishIssue(people.editor, issue.id, { expectedVersion: issue.version });
    // A link left over from before links followed the issue: the published state alone already closes it.
    const token = newPreviewToken();
    const old = await app.db.previewLink.create({
      data: {
        issueId: issue.id,
        tokenHash: hashPreviewToken(token),
        createdById: people.editor.id,
        expiresAt: new Date(Date.now() + 7 * DAY),
      },
    });
    expect(await getIssueForPreviewToken(token)).toBeNull();

    const withdrawn = await unpublishIssue(people.editor, issue.id, { expectedVersion: first.version });
    expect(await getIssueForPreviewToken(token)).toBeNull();
    expect((await app.db.previewLink.findUniqueOrThrow({ where: { id: old.id } })).revokedAt).not.toBeNull();
    expect(await auditEventsFor(app.db, [issue.id], 'previewLink.revoke')).toMatchObject([
      { actorId: people.editor.id, data: { linkId: old.id, reason: 'issue.unpublish' } },
    ]);

    const fresh = await createPreviewLink(people.editor, issue.id);
    expect((await getIssueForPreviewToken(fresh.token))?.issue.id).toBe(issue.id);
    await publishIssue(people.editor, issue.id, { expectedVersion: withdrawn.version });
    expect(await getIssueForPreviewToken(fresh.token)).toBeNull();
  });

  it('leaves no live link when links are made while the issue is being published', async () => {
    const { issue } = await createReadyIssue(app.db);
    const results = await Promise.allSettled([
      createPreviewLink(people.editor, issue.id),
      publishIssue(people.editor, issue.id, { expectedVersion: issue.version }),
      createPreviewLink(people.admin, issue.id),
      createPreviewLink(people.editor, issue.id),
    ]);
    expect(results[1]!.status).toBe('fulfilled');
    for (const r of [results[0]!, results[2]!, results[3]!]) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      else expect(await getIssueForPreviewToken((r.value as { token: string }).token)).toBeNull();
    }
    expect(await app.db.previewLink.count({ where: { issueId: issue.id, revokedAt: null } })).toBe(0);
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
