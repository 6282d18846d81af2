import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import type { ItemInput } from '@/lib/validation/item';
import { saveItem, type SaveItemResult } from './save-item';

export type UpdateItemOptions = {
  /** The version the person loaded (or last saved): concurrency only, never written. */
  expectedVersion: number;
  /** Every editable field, as the item form sends them (the kind, if sent, is ignored). */
  fields: Omit<ItemInput, 'kind'> & { kind?: unknown };
  /** True for autosaves: they coalesce into one revision per person per few minutes. */
  autosave?: boolean;
};

/**
 * Saves an item's fields. Throws NotFoundError, NotAllowedError, ValidationError (all field errors at
 * once; a slug taken in the item's bulletin issue is one of them) or ConflictError<ItemConflict>
 * when someone else saved (or moved the item through the workflow) since `expectedVersion`.
 */
export async function updateItem(actor: Actor, itemId: string, options: UpdateItemOptions): Promise<SaveItemResult> {
  return saveItem(actor, itemId, {
    expectedVersion: options.expectedVersion,
    input: options.fields,
    revisionKind: options.autosave ? 'AUTOSAVE' : 'SAVE',
    action: 'item.edit',
  });
}
