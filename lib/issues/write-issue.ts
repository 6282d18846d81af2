import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { recordEvent } from '@/lib/audit/record-event';
import { issueVisibilityChanged } from '@/lib/cache/invalidate';
import { getDb } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import { lockSectionIssue, type LockedSection } from './sections';
import {
  ISSUE_TX,
  bumpIssueVersion,
  issueConflict,
  lockIssue,
  type IssueConflict,
  type LockedIssue,
  type Tx,
} from './tx';

/** An audit event of a change to an issue: about the issue itself, unless `entity` names one of its items. */
export type IssueEvent = {
  /** `<entity>.<verb>`: "issue.addSection", "item.move". */
  action: string;
  entity?: { type: 'Item'; id: string };
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  data?: Prisma.InputJsonValue;
};

/** What a change to an issue works with, inside its transaction. */
export type IssueWrite = {
  tx: Tx;
  /** The issue, locked FOR UPDATE until the transaction ends. */
  issue: LockedIssue;
  /** Refuses with a ConflictError showing where the issue stands now, unless it is still at `expected`. */
  checkVersion(expected: number, message: string): void;
  /**
   * The end of a structural change: bumps the issue's version (what publishing's expectedVersion
   * checks) and records the event, built from the new version. Returns the new version.
   */
  bumpVersion(event: (version: number) => IssueEvent): Promise<number>;
  /** Records an event without bumping the version (a schedule; a publish sets the version itself). */
  record(event: IssueEvent): Promise<void>;
};

/**
 * Every writer of lib/issues changes an issue the same way: one transaction that locks the issue's
 * row first (so changes to one issue run one after the other, always issue before items: no lost
 * updates, no deadlocks), checks the version the editor saw where it matters, makes the change, then
 * bumps the version and writes the audit event, so the change and its record commit together or not at all.
 */
export function writeIssue<T>(actorId: string, issueId: string, work: (write: IssueWrite) => Promise<T>): Promise<T> {
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId);
    const result = await work(issueWrite(tx, actorId, issue));
    await expireIfPublic(tx, issue);
    return result;
  }, ISSUE_TX);
}

/**
 * Cached public pages (lib/cache): a change to an issue that readers see, or saw until now (publish,
 * unpublish, a section renamed or an item moved in a published issue), expires its pages and the listings.
 */
async function expireIfPublic(tx: Tx, before: LockedIssue): Promise<void> {
  const after = await tx.issue.findUnique({ where: { id: before.id }, select: { state: true, number: true } });
  if (before.state === 'PUBLISHED' || after?.state === 'PUBLISHED') {
    await issueVisibilityChanged(tx, before.number);
    if (after && after.number !== before.number) await issueVisibilityChanged(tx, after.number);
  }
}

/** writeIssue for a change to a section: finds the section, locks its issue, and reads the section again under the lock. */
export function writeSection<T>(
  actorId: string,
  sectionId: string,
  work: (write: IssueWrite & { section: LockedSection }) => Promise<T>,
): Promise<T> {
  return getDb().$transaction(async (tx) => {
    const { issue, section } = await lockSectionIssue(tx, sectionId);
    const result = await work({ ...issueWrite(tx, actorId, issue), section });
    await expireIfPublic(tx, issue);
    return result;
  }, ISSUE_TX);
}

function issueWrite(tx: Tx, actorId: string, issue: LockedIssue): IssueWrite {
  const record = async (event: IssueEvent) => {
    await recordEvent(tx, {
      actorId,
      action: event.action,
      entityType: event.entity?.type ?? 'Issue',
      entityId: event.entity?.id ?? issue.id,
      fromState: event.fromState,
      toState: event.toState,
      note: event.note,
      data: event.data,
    });
  };
  return {
    tx,
    issue,
    checkVersion(expected, message) {
      if (issue.version !== expected) throw new ConflictError<IssueConflict>(issueConflict(issue), message);
    },
    async bumpVersion(event) {
      const version = await bumpIssueVersion(tx, issue.id);
      await record(event(version));
      return version;
    },
    record,
  };
}
