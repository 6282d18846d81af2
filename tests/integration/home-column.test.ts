import { describe, expect, it } from 'vitest';
import { useAppClient } from '../helpers/app-client';
import { getHomeColumn } from '@/lib/content/home-column';
import { createIssue, createItem, createUser } from '../helpers/factories';

const { db, countQueries } = useAppClient();

describe("the home page's column", () => {
  it('lists published meetings and publications only, newest first, in three queries', async () => {
    const author = await createUser(db);
    const issue = await createIssue(db);
    const section = issue.sections[0]!;
    const inProduction = await createIssue(db, { state: 'IN_PRODUCTION' });
    // Dated far ahead, so that each would come first in its list if it were shown.
    const meeting = await db.meeting.create({ data: { name: 'Shown meeting', startDate: new Date('2199-03-01') } });
    const publication = await db.publication.create({
      data: { title: 'Shown publication', issuingBody: 'IOM', date: new Date('2199-03-01') },
    });
    await createItem(db, {
      authorId: author.id,
      section,
      state: 'PUBLISHED',
      meetingId: meeting.id,
      kind: 'MEETING_REPORT',
    });
    await createItem(db, {
      authorId: author.id,
      section,
      position: 1,
      state: 'PUBLISHED',
      publicationId: publication.id,
      kind: 'PUBLICATION_REVIEW',
    });

    const draftMeeting = await db.meeting.create({
      data: { name: 'Draft meeting', startDate: new Date('2299-01-01') },
    });
    const draftPublication = await db.publication.create({
      data: { title: 'Draft publication', issuingBody: 'IOM', date: new Date('2299-01-01') },
    });
    await createItem(db, { authorId: author.id, kind: 'MEETING_REPORT', meetingId: draftMeeting.id });
    await createItem(db, { authorId: author.id, kind: 'PUBLICATION_REVIEW', publicationId: draftPublication.id });
    // Approved and placed, in a bulletin issue that is not published: still private.
    const unpublishedMeeting = await db.meeting.create({
      data: { name: 'Unpublished meeting', startDate: new Date('2298-01-01') },
    });
    await createItem(db, {
      authorId: author.id,
      section: inProduction.sections[0]!,
      state: 'APPROVED',
      kind: 'MEETING_REPORT',
      meetingId: unpublishedMeeting.id,
    });

    const [column, queries] = await countQueries(() => getHomeColumn());
    expect(queries).toBe(3);
    expect(column.meetings[0]).toMatchObject({ id: meeting.id, name: 'Shown meeting' });
    expect(column.publications[0]).toMatchObject({ id: publication.id, title: 'Shown publication' });
    const ids = [...column.meetings, ...column.publications].map((r) => r.id);
    for (const hidden of [draftMeeting.id, draftPublication.id, unpublishedMeeting.id])
      expect(ids).not.toContain(hidden);

    const numbers = column.issues.map((i) => i.number);
    expect(numbers).not.toContain(inProduction.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const states = await db.issue.findMany({ where: { number: { in: numbers } }, select: { state: true } });
    expect(states.every((s) => s.state === 'PUBLISHED')).toBe(true);
  });
});
