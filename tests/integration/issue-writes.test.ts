/**
 * writeIssue / writeSection (lib/issues/write-issue.ts), the one shape of every change to an issue:
 * lock, check the version, change, bump the version and record the event, all in one transaction.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { writeIssue, writeSection } from '@/lib/issues/write-issue';
import { createIssue, createUser } from '../helpers/factories';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { auditEventsFor } from '../helpers/issue-fixtures';

const app = useAppClient();
let actorId: string;
beforeAll(async () => {
  actorId = (await createUser(app.db, 'EDITOR')).id;
});

const versionOf = async (issueId: string) =>
  (await app.db.issue.findUniqueOrThrow({ where: { id: issueId }, select: { version: true } })).version;

describe('writeIssue', () => {
  it('bumps the version and records the event about the issue, with the new version, by the actor', async () => {
    const issue = await createIssue(app.db, { state: 'IN_PRODUCTION' });
    const version = await writeIssue(actorId, issue.id, ({ bumpVersion }) =>
      bumpVersion((v) => ({ action: 'issue.test', data: { version: v } })),
    );
    expect(version).toBe(issue.version + 1);
    expect(await versionOf(issue.id)).toBe(version);
    const [event, ...more] = await auditEventsFor(app.db, [issue.id], 'issue.test');
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorId, entityType: 'Issue', entityId: issue.id, data: { version } });
  });

  it('records an event about an item of the issue when told, and can record without bumping', async () => {
    const issue = await createIssue(app.db, { state: 'IN_PRODUCTION' });
    await writeIssue(actorId, issue.id, async ({ record }) => {
      await record({ action: 'issue.testRecord', entity: { type: 'Item', id: `item-of-${issue.id}` } });
    });
    expect(await versionOf(issue.id)).toBe(issue.version);
    const [event] = await auditEventsFor(app.db, [`item-of-${issue.id}`], 'issue.testRecord');
    expect(event).toMatchObject({ entityType: 'Item', entityId: `item-of-${issue.id}`, actorId });
  });

  it('refuses a stale version with the issue as it stands now, and changes nothing', async () => {
    const issue = await createIssue(app.db, { state: 'IN_PRODUCTION' });
    const refusal = await rejectionOf(
      writeIssue(actorId, issue.id, async ({ checkVersion, bumpVersion }) => {
        checkVersion(issue.version - 1, 'Changed meanwhile.');
        return bumpVersion(() => ({ action: 'issue.test' }));
      }),
    );
    expect(refusal).toBeInstanceOf(ConflictError);
    expect((refusal as ConflictError).message).toBe('Changed meanwhile.');
    expect((refusal as ConflictError).current).toMatchObject({ issueId: issue.id, version: issue.version });
    expect(await versionOf(issue.id)).toBe(issue.version);
    expect(await auditEventsFor(app.db, [issue.id])).toEqual([]);
  });

  it('rolls the version and the event back when the change fails after them', async () => {
    const issue = await createIssue(app.db, { state: 'IN_PRODUCTION' });
    const failure = await rejectionOf(
      writeIssue(actorId, issue.id, async ({ bumpVersion }) => {
        await bumpVersion(() => ({ action: 'issue.test' }));
        throw new Error('the change failed');
      }),
    );
    expect((failure as Error).message).toBe('the change failed');
    expect(await versionOf(issue.id)).toBe(issue.version);
    expect(await auditEventsFor(app.db, [issue.id])).toEqual([]);
  });

  it('answers not found for an issue that does not exist', async () => {
    expect(await rejectionOf(writeIssue(actorId, 'no-such-issue', async () => null))).toBeInstanceOf(NotFoundError);
  });
});

describe('writeSection', () => {
  it('locks the issue of the section and hands over both', async () => {
    const issue = await createIssue(app.db, { state: 'IN_PRODUCTION', sections: ['Lead'] });
    const seen = await writeSection(actorId, issue.sections[0]!.id, async ({ issue: locked, section }) => ({
      issueId: locked.id,
      title: section.title,
    }));
    expect(seen).toEqual({ issueId: issue.id, title: 'Lead' });
  });

  it('answers not found for a section that does not exist', async () => {
    expect(await rejectionOf(writeSection(actorId, 'no-such-section', async () => null))).toBeInstanceOf(NotFoundError);
  });
});
