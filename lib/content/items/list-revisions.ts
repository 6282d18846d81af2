import 'server-only';
import type { RevisionKind } from '@/generated/prisma/enums';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError, enforce } from '@/lib/errors';
import { readSnapshot, type ItemSnapshot } from './snapshot';

export type RevisionSummary = {
  number: number;
  kind: RevisionKind;
  /** The item's version this revision produced (for CONFLICT: the version the person had seen). */
  itemVersion: number;
  restoredFromNumber: number | null;
  author: { id: string; name: string };
  createdAt: Date;
  /** Later than createdAt when autosaves were coalesced into it. */
  updatedAt: Date;
};

const summarySelect = {
  number: true,
  kind: true,
  itemVersion: true,
  restoredFromNumber: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
} as const;

/** Loads the item for a history read, or throws NotFound (missing, or not theirs to see). */
async function readableItem(actor: Actor, itemId: string) {
  const person = requireActor(actor);
  const item = await getDb().item.findUnique({
    where: { id: itemId },
    select: { id: true, kind: true, state: true, version: true, authorId: true },
  });
  if (!item) throw new NotFoundError();
  enforce(decideItem(person, 'item.read', item));
  return { person, item };
}

/** An item's history, newest first. */
export async function listRevisions(actor: Actor, itemId: string): Promise<RevisionSummary[]> {
  await readableItem(actor, itemId);
  return getDb().revision.findMany({ where: { itemId }, orderBy: { number: 'desc' }, select: summarySelect });
}

/** One revision with every field it saved. */
export async function getRevision(
  actor: Actor,
  itemId: string,
  number: number,
): Promise<RevisionSummary & { snapshot: ItemSnapshot }> {
  await readableItem(actor, itemId);
  return loadRevision(itemId, number);
}

export async function loadRevision(
  itemId: string,
  number: number,
): Promise<RevisionSummary & { snapshot: ItemSnapshot }> {
  if (!Number.isInteger(number)) throw new NotFoundError();
  const revision = await getDb().revision.findUnique({
    where: { itemId_number: { itemId, number } },
    select: { ...summarySelect, snapshot: true },
  });
  if (!revision) throw new NotFoundError();
  return { ...revision, snapshot: readSnapshot(revision.snapshot) };
}

export { readableItem };
