/** Where the last save left things (the status line adds what is happening now). */
export type SaveStatus = { kind: 'new' } | { kind: 'saved'; at: Date | null } | { kind: 'error'; message: string };

export type StatusTone = 'busy' | 'error' | 'dirty' | 'ok';

export type StatusInput = {
  status: SaveStatus;
  saving: boolean;
  /** Something on screen differs from what the server has. */
  dirty: boolean;
  /**
   * The last refusal is about what is on screen: a conflict, or the very values that were refused.
   * Once the person types on, it is not (autosave will try the new text).
   */
  refusalOnScreen: boolean;
  /** The item exists on the server (false on a new item's page until its first save). */
  exists: boolean;
};

/**
 * The status line above the item form: it always says whether everything is saved
 * ("Saved at 10:42", "Saving…", "Unsaved changes", "Not saved: <why>", "Not saved yet").
 */
export function saveStatusLine(s: StatusInput, formatTime: (at: Date) => string): { text: string; tone: StatusTone } {
  if (s.saving) return { text: 'Saving…', tone: 'busy' };
  if (s.status.kind === 'error' && s.refusalOnScreen) return { text: `Not saved: ${s.status.message}`, tone: 'error' };
  if (s.dirty) return { text: 'Unsaved changes', tone: 'dirty' };
  if (s.status.kind === 'new' || !s.exists) return { text: 'Not saved yet', tone: 'ok' };
  if (s.status.kind === 'saved' && s.status.at) return { text: `Saved at ${formatTime(s.status.at)}`, tone: 'ok' };
  return { text: 'Saved', tone: 'ok' };
}
