import type { z } from 'zod';
import type { GlobalAction } from '@/lib/authz/policy';

/**
 * One pattern for the records the bulletin writes about (meetings, publications, and whatever comes
 * next): a `RecordKind` says everything that differs from one kind to the next, and the list page,
 * the record page, the form, the inline "new …" form, the server actions and the data functions are
 * written once over it (components/admin/records, lib/actions/record-actions.ts, lib/content/records).
 * Browser-safe: the forms validate with the kind's schema, and nothing here touches the database.
 * Adding a kind: docs/code-layout.md.
 */

/** The schema of a kind's fields: the form sends them flat, the server action parses them with it. */
export type RecordSchema = z.ZodObject;

export type FieldName<S extends RecordSchema> = Extract<keyof z.output<S>, string>;

/** What the data functions answer: the parsed fields (dates as YYYY-MM-DD) and the row's own. */
export type RecordView<S extends RecordSchema = RecordSchema> = z.output<S> & {
  id: string;
  /** How many items link to the record (everyone's: only editors are shown it); null for a kind items do not link to. */
  itemCount: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every save; the edit form sends the one it loaded (optimistic concurrency). */
  version: number;
};

/**
 * ConflictError.current of a refused save: someone saved the record after the person loaded it.
 * The form shows `theirs` next to what the person typed (which it keeps), and saves again at `version`
 * only when the person chooses to keep theirs over the other.
 */
export type RecordConflict = {
  id: string;
  /** The version to send when the person keeps their own values after all. */
  version: number;
  /** The record as it is now, as the form's values. */
  theirs: Record<string, string>;
  /** When it was last saved (ISO). */
  savedAt: string;
};

export type FieldOption = { value: string; label: string };

export type RecordField<N extends string = string> = {
  name: N;
  label: string;
  /** Default 'text'. */
  control?: 'text' | 'textarea' | 'date' | 'url' | 'select' | 'radio';
  options?: readonly FieldOption[];
  hint?: string;
  required?: boolean;
  /** Textarea height on the record's own form. */
  rows?: number;
  /** Neighbouring fields with the same `row` share one line of the record's own form. */
  row?: string;
  /**
   * The item form's compact "New …" form (components/admin/items/record-forms.tsx) words some fields
   * more briefly and uses selects for choices; what differs is said here.
   */
  compact?: { label?: string; hint?: string | null; control?: 'text'; options?: readonly FieldOption[] };
};

/** One column of the list page. Methods (not arrow properties), so a kind is a RecordKind of any schema. */
export type ListColumn<V> = {
  header: string;
  value(record: V): string;
  /** Shown, muted, when the value is empty. */
  empty?: string;
  /** The column the list is ordered by, newest first: its note, e.g. "latest first". */
  sortedNote?: string;
};

export type DetailRow<V> = {
  label: string;
  value(record: V): string | null;
  /** The value is a web address: shown as a link that opens in a new tab. */
  link?: boolean;
};

/**
 * The record kinds. Each key is a Prisma model (lib/content/records uses `db[key]`) and has the policy
 * actions `<key>.create` and `<key>.edit` (lib/authz/policy.ts); the edit form sends a record's id
 * as `<key>Id`.
 */
export type RecordKey = 'meeting' | 'publication';

/** The Item columns that link an item to a record (lib/content/items/list-items-for-record.ts). */
export type ItemLinkField = 'meetingId' | 'publicationId';

export type RecordKind<S extends RecordSchema = RecordSchema, K extends RecordKey = RecordKey> = {
  /** 'meeting': see RecordKey; also the prefix of the form's ids (`meeting-name`). */
  key: K;
  noun: {
    /** 'meeting' */
    one: string;
    /** 'meetings': also the back-office address, /admin/meetings. */
    many: string;
    /** 'a meeting' */
    a: string;
  };
  schema: S;
  /** The form's fields, in order: labels, controls, hints. Every key of the schema, once. */
  fields: readonly RecordField<FieldName<S>>[];
  /** The field that names a record: page heading, link text, the picker's label. */
  titleField: FieldName<S>;
  /** Fields stored as dates (@db.Date) that travel as YYYY-MM-DD. */
  dateFields: readonly FieldName<S>[];
  lede: { list: string; new: string };
  list: {
    /** Every word of a search must appear in one of these (case-insensitive). */
    search: readonly FieldName<S>[];
    searchHint: string;
    /** Newest first by this date field (records without it last), then by title. */
    orderBy: FieldName<S>;
    /** The caption's word for the order: "latest start date first". */
    orderCaption: string;
    /** The first column: the title, linked to the record, with an optional second line. */
    titleHeader: string;
    subtitle?(record: RecordView<S>): string;
    columns: readonly ListColumn<RecordView<S>>[];
  };
  /** The read-only view, for those who may not change the record. */
  details: readonly DetailRow<RecordView<S>>[];
  /** One line that tells a record apart from its namesakes, in the item form's picker. */
  describe(record: z.output<S>): string;
  /** Items that point at records of this kind (meeting reports, publication reviews). */
  linked?: {
    /** The Item column that points at the record. */
    itemField: ItemLinkField;
    /** Section id on the record page. */
    id: string;
    countHeader: string;
    title: { all: string; mine: string };
    empty: { all: string; mine: string };
  };
};

/** Checks a kind against its own schema's field names (and infers S); the result is a RecordKind. */
export function defineRecordKind<S extends RecordSchema, const K extends RecordKey>(
  kind: RecordKind<S, K>,
): RecordKind<S, K> {
  return kind;
}

/** The list, e.g. '/admin/meetings'; a record is at `${path}/${id}`, a new one at `${path}/new`. */
export const recordPath = (kind: RecordKind) => `/admin/${kind.noun.many}`;

/** The name the edit form sends the record's id under: 'meetingId'. */
export const recordIdField = <K extends RecordKey>(kind: { key: K }): `${K}Id` => `${kind.key}Id`;

/** The policy's actions for adding and for changing a record of the kind. */
export function recordPolicy<K extends RecordKey>(kind: { key: K }): { create: GlobalAction; edit: GlobalAction } {
  const create: `${K}.create` = `${kind.key}.create`;
  const edit: `${K}.edit` = `${kind.key}.edit`;
  return { create, edit };
}

/** "Meeting" */
export const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The form's values (strings, as inputs hold them) for a new record: choices start at their first option. */
export function emptyValues(kind: RecordKind): Record<string, string> {
  return Object.fromEntries(
    kind.fields.map((f) => [
      f.name,
      f.control === 'select' || f.control === 'radio' ? (f.options?.[0]?.value ?? '') : '',
    ]),
  );
}

/** The form's values for an existing record. */
export function formValues<S extends RecordSchema>(kind: RecordKind<S>, record: z.output<S>): Record<string, string> {
  const values: Record<string, unknown> = record;
  return Object.fromEntries(kind.fields.map((f) => [f.name, values[f.name] == null ? '' : String(values[f.name])]));
}

/** Field labels in form order, for ErrorSummary. */
export function fieldLabels(kind: RecordKind): Record<string, string> {
  return Object.fromEntries(kind.fields.map((f) => [f.name, f.label]));
}

/** What a record picker shows of a record: its name and one line to tell it apart. */
export type RecordOption = { id: string; label: string; detail: string };

export function recordOption<S extends RecordSchema>(
  kind: RecordKind<S>,
  record: z.output<S> & { id: string },
): RecordOption {
  const values: Record<string, unknown> = record;
  return { id: record.id, label: String(values[kind.titleField] ?? ''), detail: kind.describe(record) };
}
