import { diffWords } from 'diff';
import { toPlainText } from '@/lib/rich-text/document';
import type { ItemSnapshot } from './snapshot';

/**
 * Field-by-field differences between two states of an item: word-level for the texts, before and
 * after for single values, added and removed for tags and sources. Pure, so the conflict view in the
 * browser can use it too.
 */

export type TextPart = { value: string; added?: true; removed?: true };

export type FieldChange =
  | { field: 'title' | 'standfirst' | 'body'; label: string; type: 'text'; parts: TextPart[]; formattingOnly: boolean }
  | {
      field: 'slug' | 'meeting' | 'publication';
      label: string;
      type: 'value';
      before: string | null;
      after: string | null;
    }
  | { field: 'tags' | 'sources'; label: string; type: 'list'; added: string[]; removed: string[]; reordered: boolean };

const tagKindLabel = { COUNTRY: 'Country', REGION: 'Region', THEME: 'Theme' } as const;

export function wordDiff(before: string, after: string): TextPart[] {
  return diffWords(before, after).map((c) => ({
    value: c.value,
    ...(c.added ? { added: true } : {}),
    ...(c.removed ? { removed: true } : {}),
  }));
}

function textChange(
  field: 'title' | 'standfirst' | 'body',
  label: string,
  before: string,
  after: string,
  formatChanged = false,
): FieldChange | null {
  if (before === after)
    return formatChanged ? { field, label, type: 'text', parts: [{ value: after }], formattingOnly: true } : null;
  return { field, label, type: 'text', parts: wordDiff(before, after), formattingOnly: false };
}

function listChange(field: 'tags' | 'sources', label: string, before: string[], after: string[]): FieldChange | null {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const reordered =
    field === 'sources' && added.length === 0 && removed.length === 0 && before.join('\u0000') !== after.join('\u0000');
  if (added.length === 0 && removed.length === 0 && !reordered) return null;
  return { field, label, type: 'list', added, removed, reordered };
}

export const tagLabel = (t: ItemSnapshot['tags'][number]) => `${tagKindLabel[t.kind]}: ${t.name}`;
export const sourceLabel = (s: ItemSnapshot['sources'][number]) => [s.name, s.date, s.url].filter(Boolean).join(', ');

const linkLabel = (id: string | null, label: string | null) => (id ? (label ?? id) : null);

/** What changed from `a` to `b`, in form order; empty when nothing did. */
export function diffSnapshots(a: ItemSnapshot, b: ItemSnapshot): FieldChange[] {
  const changes: (FieldChange | null)[] = [
    textChange('title', 'Title', a.title, b.title),
    a.slug === b.slug ? null : { field: 'slug', label: 'Slug', type: 'value', before: a.slug, after: b.slug },
    textChange('standfirst', 'Standfirst', a.standfirst, b.standfirst),
    textChange(
      'body',
      'Text',
      toPlainText(a.body),
      toPlainText(b.body),
      JSON.stringify(a.body) !== JSON.stringify(b.body),
    ),
    listChange('tags', 'Tags', a.tags.map(tagLabel), b.tags.map(tagLabel)),
    listChange('sources', 'Sources', a.sources.map(sourceLabel), b.sources.map(sourceLabel)),
    a.meetingId === b.meetingId
      ? null
      : {
          field: 'meeting',
          label: 'Meeting',
          type: 'value',
          before: linkLabel(a.meetingId, a.meetingLabel),
          after: linkLabel(b.meetingId, b.meetingLabel),
        },
    a.publicationId === b.publicationId
      ? null
      : {
          field: 'publication',
          label: 'Publication',
          type: 'value',
          before: linkLabel(a.publicationId, a.publicationLabel),
          after: linkLabel(b.publicationId, b.publicationLabel),
        },
  ];
  return changes.filter((c): c is FieldChange => c !== null);
}
