import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedIssue } from '@/lib/content/published';
import { ConflictError, NotAllowedError, NotFoundError } from '@/lib/errors';
import { IssueNotReadyError } from '@/lib/issues/errors';
import { publishIssue } from '@/lib/issues/publish-issue';
import { unpublishIssue } from '@/lib/issues/unpublish-issue';
import { createItem, createUser } from '../helpers/factories';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { auditEventsFor, createPeople, createReadyIssue } from '../helpers/issue-fixtures';

const app = useAppClient();
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

/** Everything publishing could change, to compare before and after a refused or failed publish. */
async function snapshot(issueId: string) {
  const issue = await app.db.issue.findUniqueOrThrow({
    where: { id: issueId },
    select: { state: true, publishedAt: true, version: true, scheduledAt: true },
  });
  const items = await app.db.item.findMany({
    where: { issueId },
    orderBy: { id: 'asc' },
    select: { id: true, state: true, publishedAt: true, version: true },
  });
  const events = await auditEventsFor(app.db, [issueId, ...items.map((i) => i.id)]);
  return { issue, items, eventCount: events.length };
}

/** Makes the database itself fail one statement (a trigger), for the duration of `fn`. */
async function withFailingTrigger<T>(table: 'Item' | 'AuditEvent', when: string, fn: () => Promise<T>): Promise<T> {
  const name = `quire_test_fail_${Date.now().toString(36)}_${randomInt(1e9).toString(36)}`;
  await app.db.$executeRawUnsafe(
    `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END; $$`,
  );
  const event = table === 'Item' ? 'UPDATE' : 'INSERT';
  await app.db.$executeRawUnsafe(
    `CREATE TRIGGER "${name}" BEFORE ${event} ON "${table}" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION "${name}"()`,
  );
  try {
    return await fn();
  } finally {
    await app.db.$executeRawUnsafe(`DROP TRIGGER "${name}" ON "${table}"`);
    await app.db.$executeRawUnsafe(`DROP FUNCTION "${name}"()`);
  }
}

describe('publishing a bulletin issue', () => {
  it('publishes the issue and every placed item with one timestamp, audited once each, visible to readers at once', async () => {
    const { issue, items } = await createReadyIssue(app.db, { perSection: 2 });
    expect(await getPublishedIssue(issue.number)).toBeNull();
    const now = new Date('2030-03-01T09:00:00.000Z');

    const result = await publishIssue(people.editor, issue.id, { expectedVersion: issue.version, now });

    expect(result.publishedAt).toEqual(now);
    expect(result.itemIds.sort()).toEqual(items.map((i) => i.id).sort());
    const after = await snapshot(issue.id);
    expect(after.issue).toMatchObject({ state: 'PUBLISHED', publishedAt: now, version: issue.version + 1 });
    expect(after.items).toHaveLength(6);
    for (const item of after.items) expect(item).toMatchObject({ state: 'PUBLISHED', publishedAt: now, version: 2 });

    const issueEvents = await auditEventsFor(app.db, [issue.id], 'issue.publish');
    expect(issueEvents).toHaveLength(1);
    expect(issueEvents[0]).toMatchObject({
      actorId: people.editor.id,
      fromState: 'IN_PRODUCTION',
      toState: 'PUBLISHED',
    });
    const itemEvents = await auditEventsFor(
      app.db,
      items.map((i) => i.id),
      'item.publish',
    );
    expect(itemEvents.map((e) => e.entityId).sort()).toEqual(items.map((i) => i.id).sort());
    expect(
      itemEvents.every(
        (e) => e.actorId === people.editor.id && e.fromState === 'APPROVED' && e.toState === 'PUBLISHED',
      ),
    ).toBe(true);

    const read = await getPublishedIssue(issue.number);
    expect(read?.sections.flatMap((s) => s.items.map((i) => i.id)).sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('is refused while the readiness check lists blockers, with the blockers, and changes nothing', async () => {
    const { issue, sections, authorId } = await createReadyIssue(app.db);
    const draft = await createItem(app.db, { authorId, state: 'IN_REVIEW', section: sections.lead, position: 5 });
    await app.db.issue.update({ where: { id: issue.id }, data: { coverLabel: '' } });
    const before = await snapshot(issue.id);

    const error = await rejectionOf(publishIssue(people.editor, issue.id, { expectedVersion: issue.version }));

    expect(error).toBeInstanceOf(IssueNotReadyError);
    const blockers = (error as IssueNotReadyError).blockers;
    expect(blockers.map((b) => b.kind).sort()).toEqual(['itemNotApproved', 'missingCoverLabel']);
    expect(blockers.find((b) => b.kind === 'itemNotApproved')).toMatchObject({
      itemId: draft.id,
      fixHref: `/admin/items/${draft.id}`,
    });
    expect((error as IssueNotReadyError).fieldErrors['']).toHaveLength(2);
    expect(await snapshot(issue.id)).toEqual(before);
  });

  it.each([
    [
      'an item update fails half-way through',
      'Item' as const,
      (itemId: string) => `NEW."id" = '${itemId}' AND NEW."state" = 'PUBLISHED'`,
    ],
    [
      'the last audit event cannot be written',
      'AuditEvent' as const,
      (itemId: string) => `NEW."entityId" = '${itemId}' AND NEW."action" = 'item.publish'`,
    ],
  ])('leaves nothing published when %s', async (_label, table, when) => {
    const { issue, items } = await createReadyIssue(app.db, { perSection: 2 });
    const victim = items[items.length - 1]!;
    const before = await snapshot(issue.id);

    const error = await withFailingTrigger(table, when(victim.id), () =>
      rejectionOf(publishIssue(people.editor, issue.id, { expectedVersion: issue.version })),
    );

    expect(String((error as Error).message)).toContain('injected failure');
    expect(await snapshot(issue.id)).toEqual(before);
    expect(before.issue.state).toBe('IN_PRODUCTION');
    expect(before.items.every((i) => i.state === 'APPROVED' && i.publishedAt === null)).toBe(true);
    expect(await getPublishedIssue(issue.number)).toBeNull();

    // Nothing was left half-locked or half-done: the same publish now succeeds.
    await publishIssue(people.editor, issue.id, { expectedVersion: issue.version });
    expect((await snapshot(issue.id)).items.every((i) => i.state === 'PUBLISHED')).toBe(true);
  });

  it('publishes once when two editors publish at the same moment', async () => {
    const { issue, items } = await createReadyIssue(app.db, { perSection: 3 });
    const second = await createUser(app.db, 'ADMIN');
    const results = await Promise.allSettled([
      publishIssue(people.editor, issue.id, { expectedVersion: issue.version }),
      publishIssue({ id: second.id, role: 'ADMIN', status: 'ACTIVE' }, issue.id, { expectedVersion: issue.version }),
    ]);

    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
    expect((rejected[0]!.reason as ConflictError).message).toMatch(/already published/);
    expect(await auditEventsFor(app.db, [issue.id], 'issue.publish')).toHaveLength(1);
    expect(
      await auditEventsFor(
        app.db,
        items.map((i) => i.id),
        'item.publish',
      ),
    ).toHaveLength(items.length);
    const after = await snapshot(issue.id);
    expect(after.issue.version).toBe(issue.version + 1);
    expect(new Set(after.items.map((i) => i.publishedAt?.getTime())).size).toBe(1);
  });

  it('refuses a publish based on an outdated view of the issue', async () => {
    const { issue } = await createReadyIssue(app.db);
    await app.db.issue.update({ where: { id: issue.id }, data: { version: { increment: 1 } } });
    const error = await rejectionOf(publishIssue(people.editor, issue.id, { expectedVersion: issue.version }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ version: number; state: string }>).current).toMatchObject({
      version: issue.version + 1,
      state: 'IN_PRODUCTION',
    });
    expect((await snapshot(issue.id)).issue.state).toBe('IN_PRODUCTION');
  });

  it('unpublishes the issue and its items together, and publishes the withdrawn issue again', async () => {
    const { issue, items } = await createReadyIssue(app.db);
    const first = await publishIssue(people.editor, issue.id, {
      expectedVersion: issue.version,
      now: new Date('2030-04-01T09:00:00Z'),
    });

    const withdrawn = await unpublishIssue(people.editor, issue.id, {
      expectedVersion: first.version,
      note: 'Wrong cover date',
    });

    expect(withdrawn.itemIds.sort()).toEqual(items.map((i) => i.id).sort());
    let state = await snapshot(issue.id);
    expect(state.issue).toMatchObject({ state: 'WITHDRAWN', publishedAt: null, version: first.version + 1 });
    expect(state.items.every((i) => i.state === 'APPROVED' && i.publishedAt === null && i.version === 3)).toBe(true);
    expect(await getPublishedIssue(issue.number)).toBeNull();
    expect(await auditEventsFor(app.db, [issue.id], 'issue.unpublish')).toMatchObject([
      { fromState: 'PUBLISHED', toState: 'WITHDRAWN', note: 'Wrong cover date' },
    ]);
    expect(
      await auditEventsFor(
        app.db,
        items.map((i) => i.id),
        'item.unpublish',
      ),
    ).toHaveLength(items.length);

    const again = new Date('2030-04-02T09:00:00Z');
    await publishIssue(people.editor, issue.id, { expectedVersion: withdrawn.version, now: again });
    state = await snapshot(issue.id);
    expect(state.issue).toMatchObject({ state: 'PUBLISHED', publishedAt: again });
    expect(state.items.every((i) => i.state === 'PUBLISHED' && i.publishedAt?.getTime() === again.getTime())).toBe(
      true,
    );
    expect(await getPublishedIssue(issue.number)).not.toBeNull();
    expect(await auditEventsFor(app.db, [issue.id], 'issue.publish')).toHaveLength(2);
  });

  it('refuses to unpublish an issue that is not published', async () => {
    const { issue } = await createReadyIssue(app.db);
    expect(
      await rejectionOf(unpublishIssue(people.editor, issue.id, { expectedVersion: issue.version })),
    ).toBeInstanceOf(ConflictError);
  });

  it('is refused to contributors (not allowed) and to anyone without an active account (not found)', async () => {
    const { issue } = await createReadyIssue(app.db);
    expect(
      await rejectionOf(publishIssue(people.contributor, issue.id, { expectedVersion: issue.version })),
    ).toBeInstanceOf(NotAllowedError);
    expect(
      await rejectionOf(unpublishIssue(people.contributor, issue.id, { expectedVersion: issue.version })),
    ).toBeInstanceOf(NotAllowedError);
    for (const actor of [people.anonymous, people.deactivated]) {
      expect(await rejectionOf(publishIssue(actor, issue.id, { expectedVersion: issue.version }))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await rejectionOf(unpublishIssue(actor, issue.id, { expectedVersion: issue.version }))).toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await rejectionOf(publishIssue(people.editor, 'no-such-issue', { expectedVersion: 1 }))).toBeInstanceOf(
      NotFoundError,
    );
    expect((await snapshot(issue.id)).issue.state).toBe('IN_PRODUCTION');
  });
});
