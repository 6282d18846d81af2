'use client';

import { useEffect, useEffectEvent, useRef, useState, type Dispatch } from 'react';
import { useRouter } from 'next/navigation';
import type { ItemKind } from '@/generated/prisma/enums';
import { saveItemAction, transitionItemAction } from '@/app/admin/items/[id]/actions';
import { createItemAction } from '@/app/admin/items/new/actions';
import type { ActionFailure, ActionResult } from '@/lib/actions/action';
import type { ItemEditorItem, TransitionButton } from '@/lib/content/items/dto';
import type { ItemConflict } from '@/lib/content/items/item-conflict';
import { parseWith } from '@/lib/validation/field-errors';
import { itemSchema } from '@/lib/validation/item';
import type { TransitionName } from '@/lib/workflow/states';
import type { Draft, DraftAction } from './item-draft';
import { isDirty, payloadOf, type FormValues } from './item-form-values';
import type { SaveStatus } from './save-status';
import type { ItemFieldErrors } from './use-item-field-errors';

/** Autosave this long after the last change. */
export const AUTOSAVE_DELAY_MS = 3000;

/** Retries after the database or the server could not be reached: 2 s, 4 s, 8 s… then every 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 2000 * 2 ** Math.max(0, attempt - 1));
}

/** What a save leaves: the item's id and version to send next, or a refusal (the status line says why). */
export type SaveOutcome = { ok: true; itemId: string | null; version: number } | { ok: false };
/** A workflow step's answer; 'not-saved' when the changes on screen could not be saved first. */
export type TransitionOutcome = ActionResult<{ version: number }> | 'not-saved';

type Saved = Pick<Draft, 'base' | 'version'> & { itemId: string };

function failureMessage(result: ActionFailure): string {
  switch (result.code) {
    case 'unauthenticated':
      return 'your session has ended. Sign in again in another tab, then save: your text is still here.';
    case 'not-found':
      return 'this item no longer exists, or is no longer yours to see.';
    case 'invalid':
      return Object.keys(result.fieldErrors).some((k) => k !== '')
        ? 'correct the fields marked below.'
        : (result.fieldErrors['']?.[0] ?? result.message);
    default:
      return result.message;
  }
}

/**
 * Every write of the item form, one at a time, each sending the version it is based on: saves
 * (explicit, and automatic a few seconds after typing stops, when the form is valid) and workflow
 * steps (which save what is on screen first). A save asked for while another is under way waits for
 * it and goes on from what it left (as documenso's use-autosave queues its saves). A refused save
 * says why; one refused because someone else saved first opens the conflict, settled by "take
 * theirs" or "keep mine on top". Nothing on screen is lost either way.
 */
export function useSaveQueue(opts: {
  kind: ItemKind;
  item: ItemEditorItem | null;
  draft: Draft;
  dirty: boolean;
  dispatch: Dispatch<DraftAction>;
  errors: Pick<ItemFieldErrors, 'refused' | 'clearServer'>;
  /** A new item's first save gave it an id (and the workflow buttons open on the new draft). */
  onCreated: (itemId: string, transitions: TransitionButton[]) => void;
}) {
  const { kind, item, draft, dirty, dispatch, errors } = opts;
  const router = useRouter();
  const [status, setStatus] = useState<SaveStatus>(() =>
    item ? { kind: 'saved', at: item.lastSaved?.at ?? null } : { kind: 'new' },
  );
  const [saving, setSaving] = useState(false);
  const [moving, setMoving] = useState(false);
  const [conflict, setConflict] = useState<ItemConflict | null>(null);
  /** The values of the last refused save: autosave waits until they change. */
  const [refused, setRefused] = useState<FormValues | null>(null);
  /**
   * The last save could not reach the database (or the server): how many tries failed in a row. The
   * same text is sent again after a growing pause, until it lands; typing on sends the new text.
   */
  const [unreachable, setUnreachable] = useState(0);
  const inflight = useRef<Promise<Saved | null> | null>(null);
  const editable = (item ? item.permissions.edit : true) && !(conflict && !conflict.canEdit);

  const refuse = (sent: FormValues, message: string) => {
    setRefused(sent);
    setStatus({ kind: 'error', message });
  };

  async function send(sent: Draft, mode: 'auto' | 'manual'): Promise<Saved | null> {
    const payload = payloadOf(kind, sent.values);
    if (!parseWith(itemSchema, payload).ok) {
      errors.refused(null, sent.values, mode === 'manual');
      refuse(sent.values, 'correct the fields marked below.');
      return null;
    }
    setSaving(true);
    try {
      let result;
      try {
        result = sent.itemId
          ? await saveItemAction(null, {
              itemId: sent.itemId,
              expectedVersion: sent.version,
              autosave: mode === 'auto',
              fields: payload,
            })
          : await createItemAction(null, { fields: payload });
      } catch {
        // No answer at all (the server is restarting, the network is down): kept, and tried again.
        return unreachableFor(sent, 'the server could not be reached.');
      }
      if (!result.ok && result.code === 'unavailable')
        return unreachableFor(sent, 'the database cannot be reached just now.');
      setUnreachable(0);
      if (!result.ok) {
        if (result.code === 'conflict' && result.conflict) {
          setConflict(result.conflict as ItemConflict);
          refuse(sent.values, 'someone else changed this item. See what they changed below.');
          return null;
        }
        if (result.code === 'invalid') errors.refused(result.fieldErrors, sent.values, mode === 'manual');
        refuse(sent.values, failureMessage(result));
        return null;
      }
      setRefused(null);
      dispatch({ type: 'saved', base: sent.values, version: result.version, itemId: result.itemId });
      errors.clearServer();
      setStatus({ kind: 'saved', at: new Date(result.savedAt) });
      if (!sent.itemId)
        opts.onCreated(result.itemId, (result as { transitions?: TransitionButton[] }).transitions ?? []);
      return { itemId: result.itemId, version: result.version, base: sent.values };
    } finally {
      setSaving(false);
    }
  }

  function unreachableFor(sent: Draft, why: string): null {
    const attempt = unreachable + 1;
    setUnreachable(attempt);
    refuse(
      sent.values,
      `${why} Your text is kept here and is saved as soon as it can be (trying again in ${Math.round(retryDelayMs(attempt) / 1000)} s).`,
    );
    return null;
  }

  /** Saves what is on screen (or `from`) unless it is saved already; after any save under way. */
  async function save(mode: 'auto' | 'manual', from: Draft = draft): Promise<SaveOutcome> {
    let sent = from;
    while (inflight.current) {
      const before = await inflight.current;
      if (before) sent = { ...sent, ...before };
    }
    if (sent.itemId && !isDirty(sent.values, sent.base))
      return { ok: true, itemId: sent.itemId, version: sent.version };
    const run = send(sent, mode);
    inflight.current = run;
    try {
      const saved = await run;
      return saved ? { ok: true, itemId: saved.itemId, version: saved.version } : { ok: false };
    } finally {
      inflight.current = null;
    }
  }

  /** Before a workflow step or a comment: what is on screen is saved (or cannot be). */
  async function ensureSaved(): Promise<SaveOutcome> {
    if (!editable || !draft.itemId) return { ok: true, itemId: draft.itemId, version: draft.version };
    if (conflict) return { ok: false };
    return save('manual');
  }

  // Autosave: a few seconds after the last change, when there is something new to save.
  const autosave = useEffectEvent(() => void save('auto'));
  useEffect(() => {
    if (!editable || conflict || saving || !dirty || refused === draft.values) return;
    const timer = setTimeout(() => autosave(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft.values, dirty, editable, conflict, saving, refused]);

  // After "cannot be reached": the same text again, after a growing pause, until it lands.
  const retry = useEffectEvent(() => void save('auto'));
  useEffect(() => {
    if (unreachable === 0 || !editable || conflict || saving || !dirty) return;
    const timer = setTimeout(() => retry(), retryDelayMs(unreachable));
    return () => clearTimeout(timer);
  }, [unreachable, editable, conflict, saving, dirty]);

  /** The form shows a version the server has: no conflict, nothing refused. */
  const settle = (next?: SaveStatus) => {
    setConflict(null);
    setRefused(null);
    if (next) setStatus(next);
  };

  return {
    status,
    saving,
    /** A workflow step is under way. */
    moving,
    conflict,
    editable,
    /** The last refusal is about what is on screen (so the status line shows it). */
    refusalOnScreen: conflict !== null || refused === draft.values,
    save,
    ensureSaved,
    settle,
    async transition(name: TransitionName, note: string | null): Promise<TransitionOutcome> {
      const saved = await ensureSaved();
      if (!saved.ok || !saved.itemId) return 'not-saved';
      setMoving(true);
      try {
        const result = await transitionItemAction(null, {
          itemId: saved.itemId,
          transition: name,
          expectedVersion: saved.version,
          note,
        });
        if (result.ok) dispatch({ type: 'moved', version: result.version });
        return result;
      } finally {
        setMoving(false);
      }
    },
    /** Take theirs: the form loads their version; mine stays in the history (the refused save was kept). */
    takeTheirs(theirs: FormValues) {
      if (!conflict) return;
      dispatch({ type: 'replace', values: theirs, base: theirs, version: conflict.version });
      errors.clearServer();
      settle({ kind: 'saved', at: conflict.lastSavedAt ? new Date(conflict.lastSavedAt) : null });
      // Its state changed too: the page's buttons and permissions come from the server.
      if (!conflict.canEdit || conflict.state !== item?.state) router.refresh();
    },
    /** Keep mine on top: my edits re-applied to their version, saved on top of it. */
    async keepMine(merged: FormValues, theirs: FormValues) {
      if (!conflict) return;
      const next: Draft = { ...draft, values: merged, base: theirs, version: conflict.version };
      dispatch({ type: 'replace', values: merged, base: theirs, version: conflict.version });
      settle();
      await save('manual', next);
    },
  };
}
