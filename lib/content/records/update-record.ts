import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { recordChanged } from '@/lib/cache/invalidate';
import { getDb } from '@/lib/db/client';
import {
  formValues,
  recordPolicy,
  type RecordConflict,
  type RecordKind,
  type RecordSchema,
  type RecordView,
} from '@/lib/records/record-kind';
import { VERSION_MISSING, expectedVersionSchema } from '@/lib/validation/request';
import { parseFields, recordDelegate, recordSelect, toColumns, toView, type RecordInput } from './record-store';

export type UpdateRecordOptions = {
  /** The version the person loaded: a save over anything newer is refused with a ConflictError<RecordConflict>. */
  expectedVersion: number;
};

/**
 * Changes a record: the kind's edit action in the policy (editors: a record may be linked from several
 * people's items). "Not found" for an id that does not exist. Optimistic concurrency: the row changes
 * only while it is still at `expectedVersion` (one conditional update, so of two saves at once exactly
 * one wins), and the version goes up by one; otherwise the other person's values come back to be shown.
 */
export async function updateRecord<S extends RecordSchema>(
  kind: RecordKind<S>,
  actor: Actor,
  id: string,
  input: RecordInput<S>,
  options: UpdateRecordOptions,
): Promise<RecordView<S>> {
  enforceCan(actor, recordPolicy(kind).edit);
  const seen = expectedVersionSchema.safeParse(options.expectedVersion);
  if (!seen.success) throw new ValidationError({ '': [seen.error.issues[0]?.message ?? VERSION_MISSING] });
  const fields = parseFields(kind, input);
  const db = recordDelegate(kind);
  const { count } = await db.updateMany({
    where: { id, version: seen.data },
    data: { ...toColumns(kind, fields), version: { increment: 1 } },
  });
  const row = await db.findUnique({ where: { id }, select: recordSelect(kind) });
  if (!row) throw new NotFoundError();
  const view = toView(kind, row);
  if (count === 0) {
    throw new ConflictError<RecordConflict>(
      { id, version: view.version, theirs: formValues(kind, view), savedAt: view.updatedAt.toISOString() },
      `Someone else saved this ${kind.noun.one} after you opened it, so your changes were not saved. ` +
        'Their values are shown next to yours below; nothing you typed is lost.',
    );
  }
  // After the change committed: the calendar or catalogue, and the issues whose items show this record.
  await getDb().$transaction((tx) =>
    recordChanged(tx, kind.key === 'meeting' ? { meetingId: id } : { publicationId: id }),
  );
  return view;
}
