import { useMemo, useReducer } from 'react';
import type { ItemEditorItem } from '@/lib/content/items/dto';
import type { RecordOption } from '@/lib/records/record-kind';
import { toSlug } from '@/lib/validation/slug';
import { emptyValues, isDirty, valuesFromSnapshot, type FormValues } from './item-form-values';

/**
 * The item form's draft as one value, changed only through draftReducer (pure: item-draft.test.ts):
 * what is on screen, what the server has as far as this page knows, and which version that is.
 */
export type Draft = {
  values: FormValues;
  /** What the server has (as loaded, or as last saved from here): unsaved means `values` differ from it. */
  base: FormValues;
  /** The version `base` is, sent with the next save; 0 before a new item's first save. */
  version: number;
  /** Null until a new item's first save. */
  itemId: string | null;
  /** Bumped when the values are replaced from elsewhere (a restore, their version): the text editor starts again. */
  editorKey: number;
  /** The slug is made from the title until someone edits it. */
  slugFollows: boolean;
  /** The pickers' line under the chosen meeting or publication ("Bali, 26–28 Feb 2002"). */
  details: { meeting: string | null; publication: string | null };
};

export type DraftAction =
  /** Typing: a title change carries the slug along while the slug follows the title. */
  | { type: 'edit'; patch: Partial<FormValues> }
  | { type: 'editSlug'; slug: string }
  | { type: 'slugFromTitle' }
  | { type: 'link'; field: 'meeting' | 'publication'; option: RecordOption | null }
  /** The server took `base` as `version` (a save from here). */
  | { type: 'saved'; base: FormValues; version: number; itemId: string }
  /** A workflow step moved the item on (its version too). */
  | { type: 'moved'; version: number }
  /** Other values on screen: restored from this tab, the server's current version, theirs, a merge. */
  | { type: 'replace'; values: FormValues; base: FormValues; version: number; details?: Draft['details'] };

/** The item as the server has it (or an empty new one): the values, base and version to start from. */
export function serverState(item: ItemEditorItem | null) {
  const values = item ? valuesFromSnapshot(item.fields) : emptyValues();
  return {
    values,
    base: values,
    version: item?.version ?? 0,
    details: { meeting: item?.meetingDetail ?? null, publication: item?.publicationDetail ?? null },
  };
}

export function initialDraft(item: ItemEditorItem | null): Draft {
  const { details, ...start } = serverState(item);
  // Once the item is in a bulletin issue or public, its address stays what it is.
  const slugFollows =
    !item || (item.issue === null && item.state !== 'PUBLISHED' && item.fields.slug === toSlug(item.fields.title));
  return { ...start, itemId: item?.id ?? null, editorKey: 0, slugFollows, details };
}

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'edit': {
      const values = { ...draft.values, ...action.patch };
      if (draft.slugFollows && action.patch.title !== undefined) values.slug = toSlug(action.patch.title);
      return { ...draft, values };
    }
    case 'editSlug':
      return { ...draft, slugFollows: false, values: { ...draft.values, slug: action.slug } };
    case 'slugFromTitle':
      return { ...draft, slugFollows: true, values: { ...draft.values, slug: toSlug(draft.values.title) } };
    case 'link': {
      const { field, option } = action;
      return {
        ...draft,
        values: { ...draft.values, [field]: option ? { id: option.id, label: option.label } : null },
        details: { ...draft.details, [field]: option?.detail ?? null },
      };
    }
    case 'saved':
      return { ...draft, base: action.base, version: action.version, itemId: action.itemId };
    case 'moved':
      return { ...draft, version: action.version };
    case 'replace': {
      const { values, base, version } = action;
      // A detail line describes one record: it goes when the values link another.
      const keep = (field: 'meeting' | 'publication') =>
        values[field]?.id === draft.values[field]?.id ? draft.details[field] : null;
      const details = action.details ?? { meeting: keep('meeting'), publication: keep('publication') };
      return { ...draft, values, base, version, details, editorKey: draft.editorKey + 1 };
    }
  }
}

/** The draft's state and whether anything on screen is unsaved. */
export function useItemDraft(item: ItemEditorItem | null) {
  const [draft, dispatch] = useReducer(draftReducer, item, initialDraft);
  const dirty = useMemo(() => isDirty(draft.values, draft.base), [draft.values, draft.base]);
  return { draft, dispatch, dirty };
}
