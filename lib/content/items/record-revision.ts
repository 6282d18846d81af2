import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { RevisionKind } from '@/generated/prisma/enums';
import type { ItemSnapshot } from './snapshot';
import type { Tx } from './item-fields';

/** One person's autosaves within this many minutes of the revision's start share that revision. */
export const AUTOSAVE_COALESCE_MINUTES = 5;

export type RecordedRevision = { number: number; kind: RevisionKind; coalesced: boolean };

/**
 * Records a revision. Call inside the transaction that wrote the item, with the item's row locked
 * (the update does that), so numbers are handed out one at a time.
 *
 * An AUTOSAVE (or a CONFLICT, i.e. a refused save kept) updates the latest revision instead of adding
 * one when that revision is of the same kind, by the same person, started less than
 * AUTOSAVE_COALESCE_MINUTES ago, and is exactly what this save was based on (nobody saved, restored or
 * moved the item through the workflow in between). Explicit saves and restores always add one.
 */
export async function recordRevision(
  tx: Tx,
  r: {
    itemId: string;
    authorId: string;
    kind: RevisionKind;
    /** The item's version after this save (for CONFLICT: the version the person had seen). */
    itemVersion: number;
    /** The version the person had seen. */
    basedOnVersion: number;
    snapshot: ItemSnapshot;
    restoredFromNumber?: number;
    now?: Date;
  },
): Promise<RecordedRevision> {
  const now = r.now ?? new Date();
  const latest = await tx.revision.findFirst({
    where: { itemId: r.itemId },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, kind: true, authorId: true, itemVersion: true, createdAt: true },
  });
  const snapshot = r.snapshot as unknown as Prisma.InputJsonValue;
  const coalescible = r.kind === 'AUTOSAVE' || r.kind === 'CONFLICT';
  if (
    coalescible &&
    latest &&
    latest.kind === r.kind &&
    latest.authorId === r.authorId &&
    latest.itemVersion === r.basedOnVersion &&
    now.getTime() - latest.createdAt.getTime() < AUTOSAVE_COALESCE_MINUTES * 60_000
  ) {
    await tx.revision.update({ where: { id: latest.id }, data: { snapshot, itemVersion: r.itemVersion } });
    return { number: latest.number, kind: r.kind, coalesced: true };
  }
  const number = (latest?.number ?? 0) + 1;
  await tx.revision.create({
    data: {
      itemId: r.itemId,
      number,
      kind: r.kind,
      itemVersion: r.itemVersion,
      restoredFromNumber: r.restoredFromNumber ?? null,
      authorId: r.authorId,
      snapshot,
      createdAt: now,
    },
  });
  return { number, kind: r.kind, coalesced: false };
}

/**
 * Items that predate revisions (imported, seeded) get their current state recorded as revision 1
 * before the first change, so history starts from what was there rather than from the first edit.
 */
export async function ensureBaselineRevision(
  tx: Tx,
  item: { id: string; authorId: string; version: number; updatedAt: Date },
  currentSnapshot: () => Promise<ItemSnapshot>,
): Promise<void> {
  const any = await tx.revision.findFirst({ where: { itemId: item.id }, select: { id: true } });
  if (any) return;
  await tx.revision.create({
    data: {
      itemId: item.id,
      number: 1,
      kind: 'SAVE',
      itemVersion: item.version,
      authorId: item.authorId,
      snapshot: (await currentSnapshot()) as unknown as Prisma.InputJsonValue,
      createdAt: item.updatedAt,
    },
  });
}
