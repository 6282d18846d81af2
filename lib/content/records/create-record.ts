import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordPolicy, type RecordKind, type RecordSchema, type RecordView } from '@/lib/records/record-kind';
import { parseFields, recordDelegate, recordSelect, toColumns, toView, type RecordInput } from './record-store';

/** Adds a record of a kind: the kind's create action in the policy (for meetings and publications: anyone signed in). */
export async function createRecord<S extends RecordSchema>(
  kind: RecordKind<S>,
  actor: Actor,
  input: RecordInput<S>,
): Promise<RecordView<S>> {
  enforceCan(actor, recordPolicy(kind).create);
  const fields = parseFields(kind, input);
  const row = await recordDelegate(kind).create({ data: toColumns(kind, fields), select: recordSelect(kind) });
  return toView(kind, row);
}
