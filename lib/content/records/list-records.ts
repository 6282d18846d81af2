import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import type { RecordKind, RecordSchema, RecordView } from '@/lib/records/record-kind';
import { recordDelegate, recordSelect, toView } from './record-store';

export type ListRecordsOptions = { q?: string; page?: number; pageSize?: number };

export type RecordListPage<S extends RecordSchema> = {
  rows: RecordView<S>[];
  total: number;
  page: number;
  pageSize: number;
};

/**
 * For the list page and the item form's picker: newest first by the kind's date (records without one
 * last), then by title; every word of `q` must appear in one of the kind's search fields.
 */
export async function listRecords<S extends RecordSchema>(
  kind: RecordKind<S>,
  actor: Actor,
  options: ListRecordsOptions = {},
): Promise<RecordListPage<S>> {
  requireActor(actor);
  const page = clampInt(options.page, 1, 10_000, 1);
  const pageSize = clampInt(options.pageSize, 1, 100, 20);
  const words = (options.q ?? '').trim().slice(0, 200).split(/\s+/).filter(Boolean).slice(0, 8);
  const where = {
    AND: words.map((w) => ({ OR: kind.list.search.map((f) => ({ [f]: { contains: w, mode: 'insensitive' } })) })),
  };
  const db = recordDelegate(kind);
  const [total, rows] = await Promise.all([
    db.count({ where }),
    db.findMany({
      where,
      orderBy: [{ [kind.list.orderBy]: { sort: 'desc', nulls: 'last' } }, { [kind.titleField]: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: recordSelect(kind),
    }),
  ]);
  return { rows: rows.map((row) => toView(kind, row)), total, page, pageSize };
}

export function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
