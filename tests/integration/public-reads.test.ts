import { describe, expect, it } from 'vitest';
import { useAppClient } from '../helpers/app-client';
import { getPublishedIssue, getPublishedItem, listPublicMeetings } from '@/lib/content/published';
import { createIssue, createItem, createMeeting, createUser } from '../helpers/factories';

const { db, countQueries } = useAppClient();

describe('public reads', () => {
  it('cost the same number of queries for a bulletin issue of 2 items as of 30', async () => {
    const author = await createUser(db);
    const meeting = await createMeeting(db);
    const small = await createIssue(db);
    const large = await createIssue(db);
    for (const [issue, n] of [
      [small, 2],
      [large, 30],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const section = issue.sections[i % issue.sections.length]!;
        await createItem(db, {
          authorId: author.id,
          section,
          position: i,
          state: 'PUBLISHED',
          kind: i % 2 ? 'MEETING_REPORT' : 'ARTICLE',
          meetingId: i % 2 ? meeting.id : undefined,
        });
      }
    }
    const [smallIssue, smallCost] = await countQueries(() => getPublishedIssue(small.number));
    const [largeIssue, largeCost] = await countQueries(() => getPublishedIssue(large.number));
    expect(smallIssue!.sections.flatMap((s) => s.items)).toHaveLength(2);
    expect(largeIssue!.sections.flatMap((s) => s.items)).toHaveLength(30);
    expect(largeCost).toBe(smallCost);
    expect(largeCost).toBeLessThanOrEqual(6);
  });

  it('show only published items of published bulletin issues, in order', async () => {
    const author = await createUser(db);
    const issue = await createIssue(db);
    const lead = issue.sections[0]!;
    const second = await createItem(db, {
      authorId: author.id,
      section: lead,
      position: 2,
      state: 'PUBLISHED',
      title: 'Second',
    });
    const first = await createItem(db, {
      authorId: author.id,
      section: lead,
      position: 1,
      state: 'PUBLISHED',
      title: 'First',
    });
    const approved = await createItem(db, { authorId: author.id, section: lead, position: 0, state: 'APPROVED' });
    const loaded = await getPublishedIssue(issue.number);
    expect(loaded!.sections[0]!.items.map((i) => i.id)).toEqual([first.id, second.id]);
    expect(await getPublishedItem(issue.number, approved.slug)).toBeNull();
    expect(await getPublishedItem(issue.number, first.slug)).toMatchObject({ title: 'First' });

    const unpublished = await createIssue(db, { state: 'IN_PRODUCTION' });
    expect(await getPublishedIssue(unpublished.number)).toBeNull();
  });

  it('keep a meeting private while only unpublished work reports on it', async () => {
    const author = await createUser(db);
    const meeting = await createMeeting(db);
    const draftIssue = await createIssue(db, { state: 'IN_PRODUCTION' });
    await createItem(db, {
      authorId: author.id,
      section: draftIssue.sections[0]!,
      kind: 'MEETING_REPORT',
      meetingId: meeting.id,
      state: 'APPROVED',
    });
    expect((await listPublicMeetings()).map((m) => m.id)).not.toContain(meeting.id);
  });
});
