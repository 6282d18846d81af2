import 'server-only';
import type { IssueState } from '@/generated/prisma/enums';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';

/** Internals shared by the issue desk's data functions: transaction options, row locks, dense ordering. */

export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;

/**
 * Interactive transactions on an issue wait for its row lock (another editor's change, a publish in
 * progress), so they get more room than Prisma's defaults (2 s to start, 5 s to run).
 */
export const ISSUE_TX = { maxWait: 10_000, timeout: 30_000 } as const;

export type LockedIssue = {
  id: string;
  number: number;
  coverLabel: string;
  state: IssueState;
  version: number;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  scheduleError: string | null;
};

/**
 * Locks the issue's row for the rest of the transaction. Every change to an issue's structure
 * (sections, placement, order) and every publish takes this lock first, so they run one after the
 * other per issue and always in the same order (issue, then its items): no lost updates, no deadlocks.
 */
export async function lockIssue(tx: Tx, issueId: string): Promise<LockedIssue> {
  const rows = await tx.$queryRaw<LockedIssue[]>`
    SELECT "id", "number", "coverLabel", "state"::text AS "state", "version", "publishedAt", "scheduledAt", "scheduleError"
    FROM "Issue" WHERE "id" = ${issueId} FOR UPDATE`;
  const issue = rows[0];
  if (!issue) throw new NotFoundError();
  return issue;
}

/** The issue as a ConflictError shows it: where it stands now. */
export type IssueConflict = { issueId: string; state: IssueState; version: number; publishedAt: Date | null };

export const issueConflict = (issue: LockedIssue): IssueConflict => ({
  issueId: issue.id,
  state: issue.state,
  version: issue.version,
  publishedAt: issue.publishedAt,
});

/** Records a structural change: bumps the issue's version (what publishIssue's expectedVersion checks). */
export async function bumpIssueVersion(tx: Tx, issueId: string): Promise<number> {
  const updated = await tx.issue.update({
    where: { id: issueId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  return updated.version;
}

/** The ids of a section's items in their current order (position, then id). */
export async function currentItemOrder(tx: Tx, sectionId: string): Promise<string[]> {
  const items = await tx.item.findMany({
    where: { sectionId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  return items.map((i) => i.id);
}

/** The ids of an issue's sections in their current order (position, then id). */
export async function currentSectionOrder(tx: Tx, issueId: string): Promise<string[]> {
  const sections = await tx.section.findMany({
    where: { issueId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  return sections.map((s) => s.id);
}

/** Positions 0..n-1 in the current order (position, then id), so order is dense and deterministic. */
export async function renumberSectionItems(tx: Tx, sectionId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Item" AS i SET "position" = o.rn - 1
    FROM (SELECT "id", row_number() OVER (ORDER BY "position", "id") AS rn FROM "Item" WHERE "sectionId" = ${sectionId}) AS o
    WHERE i."id" = o."id" AND i."position" <> o.rn - 1`;
}

export async function renumberSections(tx: Tx, issueId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Section" AS s SET "position" = o.rn - 1
    FROM (SELECT "id", row_number() OVER (ORDER BY "position", "id") AS rn FROM "Section" WHERE "issueId" = ${issueId}) AS o
    WHERE s."id" = o."id" AND s."position" <> o.rn - 1`;
}

/** Saves an order given as the complete list of ids: the first gets position 0. */
export async function saveItemOrder(tx: Tx, sectionId: string, ids: readonly string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Item" AS i SET "position" = o.ord - 1
    FROM unnest(${[...ids]}::text[]) WITH ORDINALITY AS o("id", ord)
    WHERE i."id" = o."id" AND i."sectionId" = ${sectionId} AND i."position" <> o.ord - 1`;
}

export async function saveSectionOrder(tx: Tx, issueId: string, ids: readonly string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Section" AS s SET "position" = o.ord - 1
    FROM unnest(${[...ids]}::text[]) WITH ORDINALITY AS o("id", ord)
    WHERE s."id" = o."id" AND s."issueId" = ${issueId} AND s."position" <> o.ord - 1`;
}

/** Same members, each once: a reorder must name exactly what is there now. */
export function sameMembers(wanted: readonly string[], current: readonly string[]): boolean {
  if (wanted.length !== current.length) return false;
  const set = new Set(wanted);
  return set.size === wanted.length && current.every((id) => set.has(id));
}

/** Moves one id a step up or down in a list; null at the edge. */
export function stepInOrder(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] | null {
  const index = ids.indexOf(id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ids.length) return null;
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** A unique index refused the write (with the driver adapter, Prisma still reports P2002). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}
