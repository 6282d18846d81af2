import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { loadRevision, readableItem } from './list-revisions';
import { saveItem, type SaveItemResult } from './save-item';
import { formValuesFromSnapshot } from './snapshot';

/**
 * Makes an older revision the item's current state by saving its fields again: a new revision
 * (kind RESTORE, restoredFromNumber) and a new version; history is never rewritten. Restoring a
 * CONFLICT revision is how someone re-applies text that was refused. Policy: item.restoreRevision.
 * Same errors as updateItem (the revision's fields are validated again: a meeting deleted since, or
 * a slug now taken in the item's bulletin issue, is a field error).
 */
export async function restoreRevision(
  actor: Actor,
  itemId: string,
  number: number,
  options: { expectedVersion: number },
): Promise<SaveItemResult> {
  const { item } = await readableItem(actor, itemId);
  const revision = await loadRevision(itemId, number);
  return saveItem(actor, itemId, {
    expectedVersion: options.expectedVersion,
    input: formValuesFromSnapshot(item.kind, revision.snapshot),
    revisionKind: 'RESTORE',
    restoredFromNumber: revision.number,
    action: 'item.restoreRevision',
  });
}
