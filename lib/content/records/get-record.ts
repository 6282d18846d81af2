import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { NotFoundError } from '@/lib/errors';
import type { RecordKind, RecordSchema, RecordView } from '@/lib/records/record-kind';
import { recordDelegate, recordSelect, toView } from './record-store';

/** One record, for anyone signed in (records are not private); "not found" otherwise. */
export async function getRecord<S extends RecordSchema>(
  kind: RecordKind<S>,
  actor: Actor,
  id: string,
): Promise<RecordView<S>> {
  requireActor(actor);
  const row = await recordDelegate(kind).findUnique({ where: { id }, select: recordSelect(kind) });
  if (!row) throw new NotFoundError();
  return toView(kind, row);
}
