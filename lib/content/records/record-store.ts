import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import type { RecordKind, RecordSchema, RecordView } from '@/lib/records/record-kind';
import { dateFromIso, isoFromDate } from '@/lib/validation/common';
import { parseWith } from '@/lib/validation/field-errors';

/**
 * The database side of a record kind, shared by create-, update-, get- and list-records: which
 * columns to read, and how fields travel between the schema's shape and the row's (dates as
 * YYYY-MM-DD ↔ Date).
 */

type Row = { id: string; createdAt: Date; updatedAt: Date; version: number; _count?: { items: number } } & Record<
  string,
  unknown
>;
type Select = Record<string, unknown>;
type Where = Record<string, unknown>;

/** The part of a Prisma model delegate the record functions use. */
export type RecordDelegate = {
  create(args: { data: Record<string, unknown>; select: Select }): Promise<Row>;
  updateMany(args: {
    where: { id: string; version?: number };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string }; select: Select }): Promise<Row | null>;
  findUniqueOrThrow(args: { where: { id: string }; select: Select }): Promise<Row>;
  count(args: { where: Where }): Promise<number>;
  findMany(args: { where: Where; orderBy: Where[]; skip: number; take: number; select: Select }): Promise<Row[]>;
};

/**
 * The kind's Prisma delegate. The one cast of the pattern: Prisma types each model's arguments
 * separately, and what goes in has been parsed by the kind's schema (whose keys are the model's
 * columns: lib/records/record-kind.test.ts checks the field lists against the schemas, and the
 * integration tests write and read every field).
 */
export function recordDelegate(kind: RecordKind<RecordSchema>): RecordDelegate {
  return getDb()[kind.key] as unknown as RecordDelegate;
}

/** The columns a view is made of: every field, the row's own, and the linked items' count. */
export function recordSelect(kind: RecordKind<RecordSchema>): Select {
  return {
    id: true,
    createdAt: true,
    updatedAt: true,
    version: true,
    ...Object.fromEntries(kind.fields.map((f) => [f.name, true])),
    ...(kind.linked ? { _count: { select: { items: true } } } : {}),
  };
}

export function toView<S extends RecordSchema>(kind: RecordKind<S>, row: Row): RecordView<S> {
  const { _count, ...rest } = row;
  const dates = Object.fromEntries(kind.dateFields.map((f) => [f, isoFromDate(row[f] as Date | null)]));
  // The row holds exactly the schema's fields (recordSelect), with its dates turned back into strings.
  return { ...rest, ...dates, itemCount: _count ? _count.items : null } as RecordView<S>;
}

/** Parsed fields as the row stores them. */
export function toColumns<S extends RecordSchema>(kind: RecordKind<S>, fields: z.output<S>): Record<string, unknown> {
  const values: Record<string, unknown> = fields;
  return {
    ...values,
    ...Object.fromEntries(kind.dateFields.map((f) => [f, dateFromIso((values[f] as string | null) ?? null)])),
  };
}

/** The kind's schema, every field error at once. Input from an action has been parsed already; parsing again is cheap. */
export function parseFields<S extends RecordSchema>(kind: RecordKind<S>, input: unknown): z.output<S> {
  const parsed = parseWith(kind.schema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  return parsed.data;
}

/** Input to create and update: what a form sends, or fields an action has parsed already. */
export type RecordInput<S extends RecordSchema> = z.input<S> | z.output<S>;
