import 'server-only';
import type { ItemState } from '@/generated/prisma/enums';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { diffSnapshots, type FieldChange } from './diff-snapshots';
import { readSnapshot, type ItemSnapshot } from './snapshot';
import { snapshotFromRow, snapshotSelect, type Tx } from './item-fields';

/**
 * What a refused save answers with (ConflictError.current): the item as it is now, who changed it,
 * what they changed since the person loaded it, and how the person's own text differs from it. The
 * person's text was kept as a revision, so closing the page loses nothing. The UI offers: take theirs
 * (reload `theirs` at `version`), or re-apply mine on top (save my fields with expectedVersion = `version`).
 */
export type ItemConflict = {
  itemId: string;
  /** The version to send with the next save. */
  version: number;
  state: ItemState;
  /** False when the item moved on to a state the person may no longer edit (e.g. it was submitted). */
  canEdit: boolean;
  /** The server's current fields. */
  theirs: ItemSnapshot;
  lastSavedBy: { id: string; name: string } | null;
  lastSavedAt: Date | null;
  /** The latest workflow step, when it came after the last save (a transition also changes the version). */
  lastTransition: { action: string; toState: string | null; by: { id: string; name: string } | null; at: Date } | null;
  /** From the version the person loaded to now; null when that version is no longer in history. */
  theirChanges: FieldChange[] | null;
  /** From now to what the person tried to save. */
  yourChanges: FieldChange[];
  /** The revision holding the refused text (kind CONFLICT), or null when it could not be kept. */
  keptAsRevision: number | null;
};

export async function describeConflict(
  tx: Tx,
  actor: Actor,
  itemId: string,
  expectedVersion: number,
  mine: ItemSnapshot,
  keptAsRevision: number | null,
): Promise<ItemConflict | null> {
  const item = await tx.item.findUnique({
    where: { id: itemId },
    select: { ...snapshotSelect, id: true, state: true, version: true, authorId: true },
  });
  if (!item) return null;
  // One after another: queries of one transaction share its connection.
  const lastSave = await tx.revision.findFirst({
    where: { itemId, kind: { not: 'CONFLICT' } },
    orderBy: { number: 'desc' },
    select: { updatedAt: true, author: { select: { id: true, name: true } } },
  });
  const base = await tx.revision.findFirst({
    where: { itemId, itemVersion: expectedVersion, kind: { not: 'CONFLICT' } },
    orderBy: { number: 'desc' },
    select: { snapshot: true },
  });
  const lastEvent = await tx.auditEvent.findFirst({
    where: { entityType: 'Item', entityId: itemId, action: { not: 'item.create' } },
    orderBy: { id: 'desc' },
    select: { action: true, toState: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
  const theirs = snapshotFromRow(item);
  return {
    itemId,
    version: item.version,
    state: item.state,
    canEdit: decideItem(actor, 'item.edit', item) === 'allowed',
    theirs,
    lastSavedBy: lastSave?.author ?? null,
    lastSavedAt: lastSave?.updatedAt ?? null,
    lastTransition:
      lastEvent && (!lastSave || lastEvent.createdAt > lastSave.updatedAt)
        ? { action: lastEvent.action, toState: lastEvent.toState, by: lastEvent.actor, at: lastEvent.createdAt }
        : null,
    theirChanges: base ? diffSnapshots(readSnapshot(base.snapshot), theirs) : null,
    yourChanges: diffSnapshots(theirs, mine),
    keptAsRevision,
  };
}
