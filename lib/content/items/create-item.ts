import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { itemSchema, type ItemInput } from '@/lib/validation/item';
import { parseWith } from '@/lib/validation/field-errors';
import { checkReferences, itemColumns, snapshotOf, writeSourcesAndTags } from './item-fields';
import { recordRevision } from './record-revision';
import type { SaveItemResult } from './save-item';

/**
 * Creates a draft item authored by the actor (never by whoever the form names), with revision 1 and
 * an "item.create" audit event. Throws NotFoundError without an active account, ValidationError with
 * every field error at once.
 */
export async function createItem(actor: Actor, input: ItemInput): Promise<SaveItemResult> {
  const person = enforceCan(actor, 'item.create');
  const parsed = parseWith(itemSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const fields = parsed.data;
  // A new item is in no bulletin issue yet, so its slug cannot collide.
  const refs = await checkReferences(getDb(), fields, { id: null, issueId: null });
  if (Object.keys(refs.fieldErrors).length > 0) throw new ValidationError(refs.fieldErrors);

  const savedAt = new Date();
  return getDb().$transaction(async (tx) => {
    const item = await tx.item.create({
      data: { kind: fields.kind, ...itemColumns(fields), authorId: person.id, state: 'DRAFT', version: 1 },
      select: { id: true, version: true, slug: true },
    });
    const tags = await writeSourcesAndTags(tx, item.id, fields);
    const revision = await recordRevision(tx, {
      itemId: item.id,
      authorId: person.id,
      kind: 'SAVE',
      itemVersion: 1,
      basedOnVersion: 0,
      snapshot: snapshotOf(fields, tags, refs),
      now: savedAt,
    });
    await recordEvent(tx, {
      actorId: person.id,
      action: 'item.create',
      entityType: 'Item',
      entityId: item.id,
      toState: 'DRAFT',
      data: { kind: fields.kind },
    });
    return { itemId: item.id, version: item.version, slug: item.slug, savedAt, revision };
  });
}
