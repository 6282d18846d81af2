import 'server-only';
import { z } from 'zod';
import { cleanString } from '@/lib/validation/common';
import { formVersionSchema } from '@/lib/validation/request';
import { createRecord } from '@/lib/content/records/create-record';
import { listRecords } from '@/lib/content/records/list-records';
import { updateRecord } from '@/lib/content/records/update-record';
import { NotFoundError } from '@/lib/errors';
import {
  capitalised,
  recordIdField,
  recordOption,
  recordPath,
  type RecordKind,
  type RecordSchema,
} from '@/lib/records/record-kind';
import { action } from './action';

const PICKER_PAGE = 8;
const pickerQuery = z.object({ q: cleanString().max(200).default('') });
const versionInput = z.object({ expectedVersion: formVersionSchema });

/**
 * The server actions of a record kind, bound in app/admin/<kind>/actions.ts (the record's own pages)
 * and app/admin/items/new/record-actions.ts (the item form's picker). Thin: the kind's one schema (the
 * browser checks with it too), then lib/content/records, which applies the policy.
 */
export function recordActions<S extends RecordSchema>(kind: RecordKind<S>) {
  const idInput = z.object({
    [recordIdField(kind)]: cleanString('single-line', 'Reload the page and try again.').trim().min(1).max(64),
  });
  return {
    /** The record's own form: on success, on to the new record's page. */
    create: action(kind.schema, async (fields, { actor }) => ({ id: (await createRecord(kind, actor, fields)).id }), {
      redirectTo: ({ id }) => `${recordPath(kind)}/${id}?saved=new`,
    }),
    /**
     * The record's own form, for editors. Sends the id as `recordIdField(kind)` and the version it
     * loaded as `expectedVersion` beside the fields; a stale save answers code 'conflict' with a
     * RecordConflict (the other person's values) and the typed values, and changes nothing.
     */
    update: action(idInput.and(versionInput).and(kind.schema), async (input, { actor }) => {
      // Required by idInput; the index type cannot say so.
      const id = input[recordIdField(kind)];
      if (id === undefined) throw new NotFoundError();
      const record = await updateRecord(kind, actor, id, input, { expectedVersion: input.expectedVersion });
      return {
        message: `${capitalised(kind.noun.one)} saved.`,
        version: record.version,
        updatedAt: record.updatedAt.toISOString(),
      };
    }),
    /** The item form's picker: existing records matching the words typed, as small DTOs. */
    search: action(
      pickerQuery,
      async ({ q }, { actor }) => {
        const { rows, total } = await listRecords(kind, actor, { q, pageSize: PICKER_PAGE });
        return { options: rows.map((r) => recordOption(kind, r)), total };
      },
      { refresh: false },
    ),
    /** The item form's "New …" form: creates the record without leaving the item, answers its option. */
    createForPicker: action(
      kind.schema,
      async (fields, { actor }) => ({ option: recordOption(kind, await createRecord(kind, actor, fields)) }),
      { refresh: false },
    ),
  };
}
