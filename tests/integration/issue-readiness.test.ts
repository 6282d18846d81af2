import { beforeAll, describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import { NotAllowedError, NotFoundError } from '@/lib/errors';
import { getReadiness } from '@/lib/issues/get-readiness';
import { createIssue, createItem, createMeeting } from '../helpers/factories';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { createPeople, createPublication, createReadyIssue } from '../helpers/issue-fixtures';

const app = useAppClient();
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

describe('the readiness check', () => {
  it('finds nothing in an issue ready to publish', async () => {
    const { issue } = await createReadyIssue(app.db);
    expect(await getReadiness(people.editor, issue.id)).toEqual({
      issueId: issue.id,
      state: 'IN_PRODUCTION',
      version: issue.version,
      ready: true,
      blockers: [],
      // Other tests' issues may share its label or be published with higher numbers: warnings, never blockers.
      warnings: expect.any(Array),
    });
  });

  it('lists every blocker, each with what it concerns and where to fix it', async () => {
    const { issue, sections, authorId } = await createReadyIssue(app.db);
    await app.db.issue.update({ where: { id: issue.id }, data: { coverLabel: '  ' } });
    const empty = await app.db.section.create({ data: { issueId: issue.id, title: 'Networking', position: 3 } });
    const inReview = await createItem(app.db, {
      authorId,
      state: 'IN_REVIEW',
      section: sections.meetings,
      position: 5,
    });
    const wrongKind = await createItem(app.db, {
      authorId,
      state: 'APPROVED',
      kind: 'MEETING_REPORT',
      meetingId: (await createMeeting(app.db)).id,
      section: sections.lead,
      position: 5,
    });
    const vague = await app.db.meeting.create({ data: { name: 'A meeting somewhere' } });
    const vagueReport = await createItem(app.db, {
      authorId,
      state: 'APPROVED',
      kind: 'MEETING_REPORT',
      meetingId: vague.id,
      section: sections.meetings,
      position: 6,
    });
    // A second report on the same meeting: the meeting is one fix, so one blocker.
    await createItem(app.db, {
      authorId,
      state: 'APPROVED',
      kind: 'MEETING_REPORT',
      meetingId: vague.id,
      section: sections.meetings,
      position: 7,
    });
    const anonymous = await createPublication(app.db, { issuingBody: '' });
    const review = await createItem(app.db, {
      authorId,
      state: 'APPROVED',
      kind: 'PUBLICATION_REVIEW',
      publicationId: anonymous.id,
      section: sections.reviews,
      position: 5,
    });

    const readiness = await getReadiness(people.editor, issue.id);

    expect(readiness.ready).toBe(false);
    expect(readiness.blockers).toEqual([
      {
        kind: 'missingCoverLabel',
        message: expect.stringContaining('no cover label'),
        fixHref: `/admin/issues/${issue.id}#details`,
      },
      {
        kind: 'wrongKind',
        message: `"${wrongKind.title}" is a meeting report, but the section "Lead" accepts only articles.`,
        fixHref: `/admin/issues/${issue.id}#section-${sections.lead.id}`,
        itemId: wrongKind.id,
        sectionId: sections.lead.id,
      },
      {
        kind: 'itemNotApproved',
        message: `"${inReview.title}" is in review: it must be approved.`,
        fixHref: `/admin/items/${inReview.id}`,
        itemId: inReview.id,
        sectionId: sections.meetings.id,
      },
      {
        kind: 'meetingIncomplete',
        message: `The meeting "A meeting somewhere" (reported in "${vagueReport.title}") has no dates and no place.`,
        fixHref: `/admin/meetings/${vague.id}`,
        meetingId: vague.id,
        itemId: vagueReport.id,
      },
      {
        kind: 'publicationWithoutIssuingBody',
        message: `The publication "${anonymous.title}" (reviewed in "${review.title}") does not name its issuing body.`,
        fixHref: `/admin/publications/${anonymous.id}`,
        publicationId: anonymous.id,
        itemId: review.id,
      },
    ]);
    // An empty section blocks nothing: it is left out (readers never see a section without items).
    expect(readiness.warnings).toContainEqual({
      kind: 'emptySection',
      message: 'The section "Networking" is empty: it is left out, readers will not see it.',
      fixHref: `/admin/issues/${issue.id}#section-${empty.id}`,
      sectionId: empty.id,
    });
  });

  it('says which part of a meeting is missing', async () => {
    const { issue, sections, authorId } = await createReadyIssue(app.db);
    const noPlace = await app.db.meeting.create({ data: { name: 'Undated', startDate: new Date('2002-05-01') } });
    const noDates = await app.db.meeting.create({ data: { name: 'Placed', country: 'Italy' } });
    await createItem(app.db, {
      authorId,
      state: 'APPROVED',
      kind: 'MEETING_REPORT',
      meetingId: noPlace.id,
      section: sections.meetings,
      position: 3,
    });
    await createItem(app.db, {
      authorId,
      state: 'APPROVED',
      kind: 'MEETING_REPORT',
      meetingId: noDates.id,
      section: sections.meetings,
      position: 4,
    });
    const messages = (await getReadiness(people.editor, issue.id)).blockers.map((b) => b.message);
    expect(messages).toEqual([
      expect.stringMatching(/"Undated".*has no place \(city or country\)\.$/),
      expect.stringMatching(/"Placed".*has no dates\.$/),
    ]);
  });

  it('flags an issue with no items at all', async () => {
    const issue = await createIssue(app.db, { state: 'PLANNED', sections: [] });
    expect((await getReadiness(people.editor, issue.id)).blockers.map((b) => b.kind)).toEqual(['noItems']);
  });

  it('costs the same number of queries for 3 items as for 30', async () => {
    const small = await createReadyIssue(app.db, { perSection: 1 });
    const large = await createReadyIssue(app.db, { perSection: 10 });
    await app.db.item.updateMany({ where: { issueId: large.issue.id, kind: 'ARTICLE' }, data: { state: 'IN_REVIEW' } });
    const [, smallQueries] = await app.countQueries(() => getReadiness(people.editor, small.issue.id));
    const [largeReadiness, largeQueries] = await app.countQueries(() => getReadiness(people.editor, large.issue.id));
    expect(largeReadiness.blockers).toHaveLength(10);
    expect(largeQueries).toBe(smallQueries);
    // The two of the readiness check, two for the warnings (a higher number out, the same cover label).
    expect(smallQueries).toBeLessThanOrEqual(8);
  });

  it('warns, without blocking, of a higher-numbered issue already out and of a cover label used before', async () => {
    const { issue } = await createReadyIssue(app.db);
    const label = `Spring ${issue.number}-${issue.id}`;
    await app.db.issue.update({ where: { id: issue.id }, data: { coverLabel: label } });
    const before = await getReadiness(people.editor, issue.id);
    expect(before.warnings.filter((w) => w.kind === 'coverLabelReused')).toEqual([]);
    const other = await createIssue(app.db, { state: 'PLANNED', sections: [] });
    await app.db.issue.update({ where: { id: other.id }, data: { coverLabel: label.toUpperCase() } });
    const higher = await createIssue(app.db, {
      state: 'PUBLISHED',
      number: 2_000_000_000 - randomInt(1e6),
      sections: [],
    });

    const readiness = await getReadiness(people.editor, issue.id);
    expect(readiness.ready).toBe(true);
    expect(readiness.blockers).toEqual([]);
    expect(readiness.warnings).toContainEqual({
      kind: 'coverLabelReused',
      message: `The cover label "${label}" is also on N° ${other.number}.`,
      fixHref: `/admin/issues/${issue.id}#details`,
    });
    const outOfOrder = readiness.warnings.find((w) => w.kind === 'outOfNumberOrder');
    expect(outOfOrder?.message).toMatch(
      new RegExp(`^N° \\d+ is already published: N° ${issue.number} would come out after a higher number\\.$`),
    );
    await app.db.issue.delete({ where: { id: higher.id } });
  });

  it('is for editors and admins only', async () => {
    const { issue } = await createReadyIssue(app.db);
    expect((await getReadiness(people.admin, issue.id)).ready).toBe(true);
    expect(await rejectionOf(getReadiness(people.contributor, issue.id))).toBeInstanceOf(NotAllowedError);
    expect(await rejectionOf(getReadiness(people.anonymous, issue.id))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(getReadiness(people.editor, 'no-such-issue'))).toBeInstanceOf(NotFoundError);
  });
});
