'use client';

import { useEffect, useRef, useState, type Dispatch } from 'react';
import type { ItemKind } from '@/generated/prisma/enums';
import type { ItemEditorItem } from '@/lib/content/items/dto';
import { serverState, type Draft, type DraftAction } from './item-draft';
import { isDirty, type FormValues } from './item-form-values';

type Backup = { version: number; base: FormValues; values: FormValues };

/** Found on arrival: unsaved changes from an earlier visit, which the person may or may no longer make. */
export type Restored = { editable: boolean; backup: Backup };

const backupKey = (itemId: string | null, kind: ItemKind) =>
  itemId ? `quire:item:${itemId}` : `quire:item:new:${kind}`;

function readBackup(key: string): Backup | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (!raw) return null;
    const b = JSON.parse(raw) as Backup;
    return typeof b?.version === 'number' && b.values && b.base ? b : null;
  } catch {
    return null;
  }
}

function writeBackup(key: string, backup: Backup | null) {
  try {
    if (backup) window.sessionStorage.setItem(key, JSON.stringify(backup));
    else window.sessionStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the page's own state still holds the text.
  }
}

/**
 * A copy of unsaved changes in this tab's sessionStorage, with the version they were based on, so a
 * reload, a crash or going on from "new" to the item's own page loses nothing. On arrival (the first
 * render in the browser: the server and hydration see no storage) a copy found is restored as it was,
 * version included, so a save that is now stale is refused and compared; or, when the person may no
 * longer change the item, offered to copy.
 */
export function useTabBackup(opts: {
  kind: ItemKind;
  item: ItemEditorItem | null;
  draft: Draft;
  dirty: boolean;
  editable: boolean;
  mounted: boolean;
  dispatch: Dispatch<DraftAction>;
}) {
  const { kind, item, draft, dirty, editable, mounted, dispatch } = opts;
  const [arrival, setArrival] = useState<'waiting' | Restored | null>('waiting');
  if (mounted && arrival === 'waiting') {
    const found = readBackup(backupKey(item?.id ?? null, kind));
    const mayEdit = item ? item.permissions.edit : true;
    if (found && isDirty(found.values, found.base)) {
      setArrival({ editable: mayEdit, backup: found });
      if (mayEdit)
        dispatch({ type: 'replace', values: found.values, base: found.base, version: item ? found.version : 0 });
    } else setArrival(null);
  }
  const arrived = arrival !== 'waiting';

  const key = backupKey(draft.itemId, kind);
  const { version, base, values } = draft;
  useEffect(() => {
    if (arrived) writeBackup(key, dirty && editable ? { version, base, values } : null);
  }, [arrived, key, dirty, editable, version, base, values]);

  // Once a new item has its id, the copy kept for "new" was this one.
  const startedNew = item === null;
  useEffect(() => {
    if (startedNew && draft.itemId) writeBackup(backupKey(null, kind), null);
  }, [startedNew, draft.itemId, kind]);

  // Leaving the page (its last render may not have reached the effect above): keep what is unsaved.
  const last = useRef<{ key: string; backup: Backup | null } | null>(null);
  useEffect(() => {
    last.current = { key, backup: dirty ? { version, base, values } : null };
  });
  useEffect(() => {
    const leaving = last;
    return () => {
      if (leaving.current?.backup) writeBackup(leaving.current.key, leaving.current.backup);
    };
  }, []);

  return {
    restored: arrived ? arrival : null,
    /** "Discard them": back to the server's version, and the copy is forgotten. */
    discard() {
      dispatch({ type: 'replace', ...serverState(item) });
      writeBackup(key, null);
      setArrival(null);
    },
  };
}
