import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { NotFoundError } from '@/lib/errors';
import { recordChanged } from '@/lib/cache/invalidate';
import { getDb } from '@/lib/db/client';
import { recordPolicy, type RecordKind, type RecordSchema, type RecordView } from '@/lib/records/record-kind';
import { parseFields, recordDelegate, recordSelect, toColumns, toView, type RecordInput } from './record-store';

/**
 * Changes a record: the kind's edit action in the policy (editors: a record may be linked from several
 * people's items). "Not found" for an id that does not exist.
 */
export async function updateRecord<S extends RecordSchema>(
  kind: RecordKind<S>,
  actor: Actor,
  id: string,
  input: RecordInput<S>,
): Promise<RecordView<S>> {
  enforceCan(actor, recordPolicy(kind).edit);
  const fields = parseFields(kind, input);
  const db = recordDelegate(kind);
  const { count } = await db.updateMany({ where: { id }, data: toColumns(kind, fields) });
  if (count === 0) throw new NotFoundError();
  // After the change committed: the calendar or catalogue, and the issues whose items show this record.
  await getDb().$transaction((tx) =>
    recordChanged(tx, kind.key === 'meeting' ? { meetingId: id } : { publicationId: id }),
  );
  return toView(kind, await db.findUniqueOrThrow({ where: { id }, select: recordSelect(kind) }));
}
