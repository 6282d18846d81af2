import type { ItemKind, TagKind } from '@/generated/prisma/enums';
import type { ItemSnapshot } from '@/lib/content/items/snapshot';
import { emptyDoc, parseRichText, type RichTextDoc } from '@/lib/rich-text/document';
import { tagSlug } from '@/lib/validation/slug';

/**
 * The item form's values in the browser, and the pure rules around them: what the server is sent,
 * whether anything is unsaved, and how "keep mine on top" combines two people's edits field by field.
 * No React here, so it is unit-tested (item-form-values.test.ts).
 */

export type SourceRow = { key: string; name: string; url: string; date: string };
export type LinkedRecord = { id: string; label: string };

export type FormValues = {
  title: string;
  slug: string;
  standfirst: string;
  body: RichTextDoc;
  tags: { kind: TagKind; name: string }[];
  sources: SourceRow[];
  meeting: LinkedRecord | null;
  publication: LinkedRecord | null;
};

export const FORM_FIELDS = [
  'title',
  'slug',
  'standfirst',
  'body',
  'tags',
  'sources',
  'meeting',
  'publication',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const fieldLabel: Record<FormField, string> = {
  title: 'Title',
  slug: 'Slug',
  standfirst: 'Standfirst',
  body: 'Text',
  tags: 'Tags',
  sources: 'Sources',
  meeting: 'Meeting',
  publication: 'Publication',
};

let keySeq = 0;
/** A stable React key for a source row (rows are reordered and removed). */
export function newRowKey(): string {
  keySeq += 1;
  return `s${keySeq}-${Math.random().toString(36).slice(2, 8)}`;
}

export function emptyValues(): FormValues {
  return {
    title: '',
    slug: '',
    standfirst: '',
    body: emptyDoc(),
    tags: [],
    sources: [],
    meeting: null,
    publication: null,
  };
}

export function valuesFromSnapshot(s: ItemSnapshot): FormValues {
  return {
    title: s.title,
    slug: s.slug,
    standfirst: s.standfirst,
    body: s.body,
    tags: s.tags.map((t) => ({ kind: t.kind, name: t.name })),
    sources: s.sources.map((src) => ({ key: newRowKey(), name: src.name, url: src.url ?? '', date: src.date ?? '' })),
    meeting: s.meetingId ? { id: s.meetingId, label: s.meetingLabel ?? 'Chosen meeting' } : null,
    publication: s.publicationId ? { id: s.publicationId, label: s.publicationLabel ?? 'Chosen publication' } : null,
  };
}

/** What the item schema (and updateItem / createItem) takes: the same object in browser and server. */
export function payloadOf(kind: ItemKind, v: FormValues) {
  return {
    kind,
    title: v.title,
    slug: v.slug,
    standfirst: v.standfirst,
    body: v.body,
    tags: v.tags.map((t) => ({ kind: t.kind, name: t.name })),
    sources: v.sources.map((s) => ({ name: s.name, url: s.url, date: s.date })),
    meetingId: kind === 'MEETING_REPORT' ? (v.meeting?.id ?? null) : null,
    publicationId: kind === 'PUBLICATION_REVIEW' ? (v.publication?.id ?? null) : null,
  };
}

/** A document as the server would store it, so editor noise (null attributes) is not a change. */
function canonicalBody(doc: RichTextDoc): string {
  const parsed = parseRichText(doc);
  return JSON.stringify(parsed.ok ? parsed.doc : doc);
}

/** A comparable form of one field: equal strings mean "no change" (whitespace at the ends and tag spelling do not count). */
export function fieldKey(v: FormValues, field: FormField): string {
  switch (field) {
    case 'title':
    case 'slug':
    case 'standfirst':
      return v[field].trim();
    case 'body':
      return canonicalBody(v.body);
    case 'tags':
      return JSON.stringify(v.tags.map((t) => `${t.kind}:${tagSlug(t.name)}`).sort());
    case 'sources':
      return JSON.stringify(v.sources.map((s) => [s.name.trim(), s.url.trim(), s.date.trim()]));
    case 'meeting':
    case 'publication':
      return v[field]?.id ?? '';
  }
}

export function sameField(a: FormValues, b: FormValues, field: FormField): boolean {
  return fieldKey(a, field) === fieldKey(b, field);
}

export function changedFields(from: FormValues, to: FormValues): FormField[] {
  return FORM_FIELDS.filter((f) => !sameField(from, to, f));
}

export function isDirty(values: FormValues, saved: FormValues): boolean {
  return changedFields(saved, values).length > 0;
}

export type Side = 'mine' | 'theirs';

export type MergePlanEntry = { field: FormField; mineChanged: boolean; theirsChanged: boolean; take: Side };

/**
 * Which side each field comes from when "keep mine on top" re-applies my edits to their version:
 * a field only I changed is mine, a field only they changed is theirs, a field we both changed is
 * whatever the person chose (mine unless told otherwise: they asked to keep theirs on top of mine).
 * Fields nobody changed are theirs (the same as the base).
 */
export function mergePlan(
  base: FormValues,
  mine: FormValues,
  theirs: FormValues,
  choices: Partial<Record<FormField, Side>> = {},
): MergePlanEntry[] {
  return FORM_FIELDS.map((field) => {
    const mineChanged = !sameField(base, mine, field);
    const theirsChanged = !sameField(base, theirs, field) && !sameField(mine, theirs, field);
    const take: Side = mineChanged && theirsChanged ? (choices[field] ?? 'mine') : mineChanged ? 'mine' : 'theirs';
    return { field, mineChanged, theirsChanged, take };
  });
}

export function applyMerge(mine: FormValues, theirs: FormValues, plan: MergePlanEntry[]): FormValues {
  const out: FormValues = { ...theirs };
  for (const { field, take } of plan) {
    if (take === 'mine') (out as Record<FormField, unknown>)[field] = mine[field];
  }
  return out;
}

/** The fields both people changed differently: the ones the conflict view asks about. */
export function contestedFields(plan: MergePlanEntry[]): FormField[] {
  return plan.filter((p) => p.mineChanged && p.theirsChanged).map((p) => p.field);
}
