import 'server-only';
import type { RevisionKind } from '@/generated/prisma/enums';
import { decideItem, type Actor, type ItemAction } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  enforce,
  mergeFieldErrors,
} from '@/lib/errors';
import { itemSchema, requiredLinkErrors, type ItemFields } from '@/lib/validation/item';
import { parseWith } from '@/lib/validation/field-errors';
import { VERSION_MISSING, expectedVersionSchema } from '@/lib/validation/request';
import { AUTHOR_EDITABLE_STATES } from '@/lib/workflow/states';
import { describeConflict, type ItemConflict } from './item-conflict';
import {
  checkReferences,
  isUniqueViolation,
  itemColumns,
  lockItemRow,
  slugTakenMessage,
  snapshotFromRow,
  snapshotOf,
  snapshotSelect,
  writeSourcesAndTags,
} from './item-fields';
import { ensureBaselineRevision, recordRevision, type RecordedRevision } from './record-revision';
import type { ItemSnapshot } from './snapshot';
import type { Prisma } from '@/generated/prisma/client';
import { publishedItemChanged } from '@/lib/cache/invalidate';

export type SaveItemResult = {
  itemId: string;
  /** The item's new version: send it with the next save. */
  version: number;
  slug: string;
  savedAt: Date;
  revision: RecordedRevision;
};

/** Thrown inside the transaction to roll it back when the item moved on; never leaves this module. */
class Stale extends Error {}

/**
 * The one write path for an item's editable fields (updateItem, restoreRevision): policy, validation,
 * optimistic concurrency on the version, the write, the revision, all or nothing. A save based on an
 * older version never overwrites a newer one: it is kept as a CONFLICT revision and answered with a
 * ConflictError<ItemConflict>.
 */
export async function saveItem(
  actor: Actor,
  itemId: string,
  opts: {
    expectedVersion: unknown;
    input: unknown;
    revisionKind: Exclude<RevisionKind, 'CONFLICT'>;
    restoredFromNumber?: number;
    action: Extract<ItemAction, 'item.edit' | 'item.restoreRevision'>;
  },
): Promise<SaveItemResult> {
  const person = requireActor(actor);
  const seen = expectedVersionSchema.safeParse(opts.expectedVersion);
  if (!seen.success) throw new ValidationError({ '': [VERSION_MISSING] });
  const expectedVersion = seen.data;
  const db = getDb();
  const found = await db.item.findUnique({
    where: { id: itemId },
    select: { id: true, kind: true, state: true, version: true, authorId: true, issueId: true },
  });
  if (!found) throw new NotFoundError();
  enforce(decideItem(person, 'item.read', found));
  // Someone who may not change the item now is refused whatever version they send, before the slug
  // check (which would tell them whether a guessed slug is used in the issue) and without a CONFLICT
  // revision offered to editors. The one exception is a stale page from when they could still edit
  // (the item moved on in the workflow while they typed): that is a conflict, and their text is kept.
  if (decideItem(person, opts.action, found) !== 'allowed') {
    const stillTheirs =
      found.version > expectedVersion && (await couldEditAt(person, opts.action, found, expectedVersion));
    if (!stillTheirs) throw new NotAllowedError(deniedMessage(found.state));
  }

  // The kind is the server's, whatever the form says.
  const parsed = parseWith(itemSchema, {
    ...(typeof opts.input === 'object' && opts.input !== null ? opts.input : {}),
    kind: found.kind,
  });
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const fields: ItemFields = parsed.data;
  const refs = await checkReferences(db, fields, { id: found.id, issueId: found.issueId });
  const linkErrors = AUTHOR_EDITABLE_STATES.includes(found.state) ? {} : requiredLinkErrors(fields);
  const fieldErrors = mergeFieldErrors(refs.fieldErrors, linkErrors);
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);

  const savedAt = new Date();
  try {
    return await db.$transaction(async (tx) => {
      if (!(await lockItemRow(tx, itemId))) throw new NotFoundError();
      const row = await tx.item.findUniqueOrThrow({
        where: { id: itemId },
        select: { id: true, state: true, version: true, authorId: true, updatedAt: true },
      });
      // Decided again on the locked row: nothing can change it between this check and the write.
      enforce(decideItem(person, 'item.read', row));
      if (row.version !== expectedVersion || decideItem(person, opts.action, row) !== 'allowed') throw new Stale();
      await ensureBaselineRevision(tx, row, async () =>
        snapshotFromRow(await tx.item.findUniqueOrThrow({ where: { id: itemId }, select: snapshotSelect })),
      );
      const updated = await tx.item.updateMany({
        where: { id: itemId, version: expectedVersion },
        data: {
          ...itemColumns(fields),
          version: { increment: 1 },
          // Editors may correct a published item; the public page says so.
          ...(row.state === 'PUBLISHED' ? { correctedAt: savedAt } : {}),
        },
      });
      if (updated.count !== 1) throw new Stale();
      if (row.state === 'PUBLISHED') await expirePublishedItem(tx, itemId);
      const tags = await writeSourcesAndTags(tx, itemId, fields);
      const version = expectedVersion + 1;
      const revision = await recordRevision(tx, {
        itemId,
        authorId: person.id,
        kind: opts.revisionKind,
        itemVersion: version,
        basedOnVersion: expectedVersion,
        snapshot: snapshotOf(fields, tags, refs),
        restoredFromNumber: opts.restoredFromNumber,
        now: savedAt,
      });
      return { itemId, version, slug: fields.slug, savedAt, revision };
    });
  } catch (e) {
    if (e instanceof Stale)
      throw await refuseStaleSave(person, itemId, expectedVersion, snapshotOf(fields, fields.tags, refs));
    if (isUniqueViolation(e)) throw new ValidationError({ slug: [slugTakenMessage] });
    throw e;
  }
}

/**
 * Whether the person could make this change at `version`: the state the item had then is the
 * fromState of the first workflow step recorded after it (each step's audit event carries the
 * version it produced). No step since then: the state has not changed, and neither has the answer.
 */
async function couldEditAt(
  person: NonNullable<Actor>,
  action: Extract<ItemAction, 'item.edit' | 'item.restoreRevision'>,
  item: { id: string; kind: string; state: string; version: number; authorId: string; issueId: string | null },
  version: number,
): Promise<boolean> {
  const steps = await getDb().auditEvent.findMany({
    where: { entityType: 'Item', entityId: item.id, fromState: { not: null } },
    orderBy: { id: 'asc' },
    select: { fromState: true, data: true },
  });
  const next = steps.find((e) => {
    const produced = (e.data as { version?: unknown } | null)?.version;
    return typeof produced === 'number' && produced > version;
  });
  if (!next?.fromState) return false;
  return (
    decideItem(person, action, { ...item, state: next.fromState } as Parameters<typeof decideItem>[2]) === 'allowed'
  );
}

function deniedMessage(state: string): string {
  if (state === 'ARCHIVED') return 'This item is archived and can no longer be changed.';
  return 'This item is with the editors: you can change it again if they request changes.';
}

/**
 * Keeps the refused text as a CONFLICT revision (so nothing typed is lost, even if the page is
 * closed) and builds the conflict view. Runs after the failed transaction rolled back.
 */
async function refuseStaleSave(
  person: NonNullable<Actor>,
  itemId: string,
  expectedVersion: number,
  mine: ItemSnapshot,
): Promise<Error> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockItemRow(tx, itemId))) return new NotFoundError();
    const row = await tx.item.findUniqueOrThrow({ where: { id: itemId }, select: { state: true, authorId: true } });
    if (decideItem(person, 'item.read', row) !== 'allowed') return new NotFoundError();
    const kept = await recordRevision(tx, {
      itemId,
      authorId: person.id,
      kind: 'CONFLICT',
      itemVersion: expectedVersion,
      basedOnVersion: expectedVersion,
      snapshot: mine,
    });
    const conflict = await describeConflict(tx, person, itemId, expectedVersion, mine, kept.number);
    return conflict ? new ConflictError<ItemConflict>(conflict) : new NotFoundError();
  });
}

/** A correction shows on the item's public page, its issue's page and the listings (lib/cache). */
async function expirePublishedItem(tx: Prisma.TransactionClient, itemId: string): Promise<void> {
  const item = await tx.item.findUnique({
    where: { id: itemId },
    select: { section: { select: { issue: { select: { number: true } } } } },
  });
  const number = item?.section?.issue.number;
  if (number !== undefined) await publishedItemChanged(tx, number);
}
