import { beforeAll, describe, expect, it } from 'vitest';
import { NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { cancelSchedule } from '@/lib/issues/cancel-schedule';
import { createPreviewLink } from '@/lib/issues/create-preview-link';
import { publishIssue } from '@/lib/issues/publish-issue';
import { resolvePreviewToken } from '@/lib/issues/resolve-preview-token';
import { runDueSchedules } from '@/lib/issues/run-due-schedules';
import { scheduleIssue } from '@/lib/issues/schedule-issue';
import { startScheduler } from '@/lib/issues/scheduler';
import { createItem } from '../helpers/factories';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { auditEventsFor, createPeople, createReadyIssue } from '../helpers/issue-fixtures';

// A database of its own: the scheduler publishes every due issue it finds, so no other file's rows may be here.
const app = useAppClient({ fresh: true });
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

const at = (iso: string) => new Date(iso);
const later = (d: Date, ms: number) => new Date(d.getTime() + ms);

async function state(issueId: string) {
  return app.db.issue.findUniqueOrThrow({
    where: { id: issueId },
    select: { state: true, publishedAt: true, scheduledAt: true, scheduleError: true, scheduleFailedAt: true },
  });
}

describe('scheduled publishing', () => {
  it("ends the issue's share links when a schedule publishes it, as the system, in the same transaction", async () => {
    const { issue } = await createReadyIssue(app.db);
    const when = at('2031-02-10T08:00:00Z');
    await scheduleIssue(people.editor, issue.id, when, { now: at('2031-02-01T00:00:00Z') });
    const link = await createPreviewLink(people.editor, issue.id, { now: later(when, -86_400_000) });
    expect(await resolvePreviewToken(link.token, later(when, -1000))).toMatchObject({ issueId: issue.id });

    expect(await runDueSchedules({ now: when, workerId: 'test' })).toMatchObject([{ outcome: 'published' }]);

    expect(await resolvePreviewToken(link.token, later(when, 1000))).toBeNull();
    expect((await app.db.previewLink.findUniqueOrThrow({ where: { id: link.linkId } })).revokedAt).toEqual(when);
    expect(await auditEventsFor(app.db, [issue.id], 'previewLink.revoke')).toMatchObject([
      { actorId: null, data: { linkId: link.linkId, reason: 'issue.publish' } },
    ]);
  });

  it('publishes the issue when its time comes (not before), once, as the system', async () => {
    const { issue, items } = await createReadyIssue(app.db);
    const when = at('2031-01-10T08:00:00Z');
    await scheduleIssue(people.editor, issue.id, when, { now: at('2031-01-01T00:00:00Z') });

    expect(await runDueSchedules({ now: later(when, -1000), workerId: 'test' })).toEqual([]);
    expect((await state(issue.id)).state).toBe('IN_PRODUCTION');

    const run = await runDueSchedules({ now: when, workerId: 'test' });
    expect(run).toEqual([
      { issueId: issue.id, number: issue.number, outcome: 'published', publishedAt: when, itemCount: items.length },
    ]);
    expect(await state(issue.id)).toMatchObject({ state: 'PUBLISHED', publishedAt: when, scheduledAt: null });
    const published = await app.db.item.findMany({
      where: { issueId: issue.id },
      select: { state: true, publishedAt: true },
    });
    expect(published.every((i) => i.state === 'PUBLISHED' && i.publishedAt?.getTime() === when.getTime())).toBe(true);

    const events = await auditEventsFor(app.db, [issue.id], 'issue.publish');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: null,
      toState: 'PUBLISHED',
      data: expect.objectContaining({ via: 'schedule', workerId: 'test', scheduledAt: when.toISOString() }),
    });
    expect(await auditEventsFor(app.db, [issue.id], 'issue.schedule')).toMatchObject([{ actorId: people.editor.id }]);

    expect(await runDueSchedules({ now: later(when, 60_000), workerId: 'test' })).toEqual([]);
    expect(await auditEventsFor(app.db, [issue.id], 'issue.publish')).toHaveLength(1);
  });

  it('publishes once with two workers running at the same moment', async () => {
    const { issue, items } = await createReadyIssue(app.db, { perSection: 2 });
    const when = at('2031-02-10T08:00:00Z');
    await scheduleIssue(people.editor, issue.id, when, { now: at('2031-02-01T00:00:00Z') });

    const [a, b] = await Promise.all([
      runDueSchedules({ now: when, workerId: 'worker-a' }),
      runDueSchedules({ now: when, workerId: 'worker-b' }),
    ]);

    expect([...a, ...b]).toHaveLength(1);
    expect([...a, ...b][0]).toMatchObject({ issueId: issue.id, outcome: 'published' });
    expect(await auditEventsFor(app.db, [issue.id], 'issue.publish')).toHaveLength(1);
    expect(
      await auditEventsFor(
        app.db,
        items.map((i) => i.id),
        'item.publish',
      ),
    ).toHaveLength(items.length);
  });

  it('shares several due issues among three workers, each published exactly once', async () => {
    const ready = await Promise.all([1, 2, 3, 4].map(() => createReadyIssue(app.db)));
    const when = at('2031-03-10T08:00:00Z');
    for (const { issue } of ready)
      await scheduleIssue(people.editor, issue.id, when, { now: at('2031-03-01T00:00:00Z') });

    const runs = await Promise.all(['w1', 'w2', 'w3'].map((workerId) => runDueSchedules({ now: when, workerId })));

    const handled = runs
      .flat()
      .map((r) => r.issueId)
      .sort();
    expect(handled).toEqual(ready.map((r) => r.issue.id).sort());
    for (const { issue } of ready) {
      expect((await state(issue.id)).state).toBe('PUBLISHED');
      expect(await auditEventsFor(app.db, [issue.id], 'issue.publish')).toHaveLength(1);
    }
  });

  it('picks up an overdue schedule on the next run (the app was down at the time)', async () => {
    const { issue } = await createReadyIssue(app.db);
    const when = at('2031-04-10T08:00:00Z');
    await scheduleIssue(people.editor, issue.id, when, { now: at('2031-04-01T00:00:00Z') });
    const backUp = later(when, 6 * 3600_000);

    expect(await runDueSchedules({ now: backUp, workerId: 'after-restart' })).toMatchObject([
      { issueId: issue.id, outcome: 'published', publishedAt: backUp },
    ]);
    expect(await state(issue.id)).toMatchObject({ state: 'PUBLISHED', publishedAt: backUp });
  });

  it('records why a schedule could not publish, audits it once and does not retry it until rescheduled', async () => {
    const { issue, sections, authorId } = await createReadyIssue(app.db);
    const draft = await createItem(app.db, { authorId, state: 'DRAFT', section: sections.meetings, position: 9 });
    const when = at('2031-05-10T08:00:00Z');
    await scheduleIssue(people.editor, issue.id, when, { now: at('2031-05-01T00:00:00Z') });

    const run = await runDueSchedules({ now: when, workerId: 'test' });
    expect(run).toMatchObject([
      { issueId: issue.id, outcome: 'blocked', blockers: [{ kind: 'itemNotApproved', itemId: draft.id }] },
    ]);
    const failed = await state(issue.id);
    expect(failed).toMatchObject({ state: 'IN_PRODUCTION', scheduledAt: when, scheduleFailedAt: when });
    expect(failed.scheduleError).toContain(draft.title);
    expect(await auditEventsFor(app.db, [issue.id], 'issue.scheduleFailed')).toHaveLength(1);

    // Later runs leave it alone: no retry loop, no pile of audit events.
    expect(await runDueSchedules({ now: later(when, 60_000), workerId: 'test' })).toEqual([]);
    expect(await runDueSchedules({ now: later(when, 120_000), workerId: 'test' })).toEqual([]);
    expect(await auditEventsFor(app.db, [issue.id], 'issue.scheduleFailed')).toHaveLength(1);

    // Fixed and scheduled again: the failure is cleared and the issue goes out at the new time.
    await app.db.item.update({ where: { id: draft.id }, data: { state: 'APPROVED' } });
    const retry = later(when, 3600_000);
    await scheduleIssue(people.editor, issue.id, retry, { now: later(when, 600_000) });
    expect(await state(issue.id)).toMatchObject({ scheduledAt: retry, scheduleError: null, scheduleFailedAt: null });
    expect(await runDueSchedules({ now: retry, workerId: 'test' })).toMatchObject([
      { issueId: issue.id, outcome: 'published' },
    ]);
  });

  it('does nothing once the schedule is cancelled', async () => {
    const { issue } = await createReadyIssue(app.db);
    const when = at('2031-06-10T08:00:00Z');
    await scheduleIssue(people.editor, issue.id, when, { now: at('2031-06-01T00:00:00Z') });

    expect(await cancelSchedule(people.editor, issue.id)).toEqual({ cancelled: true });
    expect(await cancelSchedule(people.editor, issue.id)).toEqual({ cancelled: false });

    expect(await runDueSchedules({ now: later(when, 1000), workerId: 'test' })).toEqual([]);
    expect(await state(issue.id)).toMatchObject({ state: 'IN_PRODUCTION', scheduledAt: null });
    expect(await auditEventsFor(app.db, [issue.id], 'issue.cancelSchedule')).toMatchObject([
      { actorId: people.editor.id },
    ]);
  });

  it('drops the schedule when the issue is published by hand first', async () => {
    const { issue } = await createReadyIssue(app.db);
    const when = at('2031-07-10T08:00:00Z');
    await scheduleIssue(people.editor, issue.id, when, { now: at('2031-07-01T00:00:00Z') });
    await publishIssue(people.editor, issue.id, { expectedVersion: issue.version, now: at('2031-07-05T00:00:00Z') });

    expect(await state(issue.id)).toMatchObject({ state: 'PUBLISHED', scheduledAt: null });
    expect(await runDueSchedules({ now: when, workerId: 'test' })).toEqual([]);
    expect(await auditEventsFor(app.db, [issue.id], 'issue.publish')).toHaveLength(1);
  });

  it('refuses a time in the past, a published issue, contributors and anonymous callers', async () => {
    const { issue } = await createReadyIssue(app.db);
    const now = at('2031-08-01T00:00:00Z');
    const error = await rejectionOf(scheduleIssue(people.editor, issue.id, later(now, -1000), { now }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.at).toBeDefined();
    expect(await rejectionOf(scheduleIssue(people.editor, issue.id, new Date('nonsense'), { now }))).toBeInstanceOf(
      ValidationError,
    );

    expect(await rejectionOf(scheduleIssue(people.contributor, issue.id, later(now, 1000), { now }))).toBeInstanceOf(
      NotAllowedError,
    );
    expect(await rejectionOf(cancelSchedule(people.contributor, issue.id))).toBeInstanceOf(NotAllowedError);
    expect(await rejectionOf(scheduleIssue(people.anonymous, issue.id, later(now, 1000), { now }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejectionOf(cancelSchedule(people.anonymous, issue.id))).toBeInstanceOf(NotFoundError);

    await publishIssue(people.editor, issue.id, { expectedVersion: issue.version });
    expect(await rejectionOf(scheduleIssue(people.editor, issue.id, later(new Date(), 3600_000)))).toBeInstanceOf(
      NotAllowedError,
    );
  });

  it('runs from the poller that instrumentation.ts starts, on the real clock', async () => {
    const { issue } = await createReadyIssue(app.db);
    // Due a moment ago (set directly: scheduleIssue accepts only future times).
    await app.db.issue.update({ where: { id: issue.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    const seen: string[] = [];
    const scheduler = startScheduler({
      intervalMs: 1000,
      workerId: 'poller',
      onResult: (r) => seen.push(`${r.outcome}:${r.issueId}`),
    });
    try {
      const deadline = Date.now() + 15_000;
      while ((await state(issue.id)).state !== 'PUBLISHED' && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
    } finally {
      await scheduler.stop();
    }
    expect((await state(issue.id)).state).toBe('PUBLISHED');
    expect(seen).toEqual([`published:${issue.id}`]);
  });
});
