import { describe, expect, it } from 'vitest';
import { saveStatusLine, type StatusInput } from './save-status';

const at = new Date('2002-03-01T10:42:00Z');
const time = (d: Date) => d.toISOString().slice(11, 16);
const line = (s: Partial<StatusInput>) =>
  saveStatusLine(
    { status: { kind: 'saved', at }, saving: false, dirty: false, refusalOnScreen: false, exists: true, ...s },
    time,
  );
const refused = { kind: 'error', message: 'correct the fields marked below.' } as const;

describe('the save status line', () => {
  it('says when everything was saved, with the time when known', () => {
    expect(line({})).toEqual({ text: 'Saved at 10:42', tone: 'ok' });
    expect(line({ status: { kind: 'saved', at: null } })).toEqual({ text: 'Saved', tone: 'ok' });
  });

  it('says a new item is not saved yet, until its first save', () => {
    expect(line({ status: { kind: 'new' }, exists: false })).toEqual({ text: 'Not saved yet', tone: 'ok' });
    // A refusal the person typed past, back to the empty form: still nothing on the server.
    expect(line({ status: refused, exists: false })).toEqual({ text: 'Not saved yet', tone: 'ok' });
  });

  it('says there are unsaved changes while the screen differs from the server', () => {
    expect(line({ dirty: true })).toEqual({ text: 'Unsaved changes', tone: 'dirty' });
    expect(line({ dirty: true, status: { kind: 'new' }, exists: false })).toEqual({
      text: 'Unsaved changes',
      tone: 'dirty',
    });
  });

  it('shows a refusal while it is about what is on screen, and no longer once the person types on', () => {
    expect(line({ status: refused, dirty: true, refusalOnScreen: true })).toEqual({
      text: 'Not saved: correct the fields marked below.',
      tone: 'error',
    });
    expect(line({ status: refused, dirty: true, refusalOnScreen: false })).toEqual({
      text: 'Unsaved changes',
      tone: 'dirty',
    });
    expect(line({ status: refused, refusalOnScreen: false })).toEqual({ text: 'Saved', tone: 'ok' });
  });

  it('says "Saving…" above everything else while a save is under way', () => {
    expect(line({ saving: true, status: refused, dirty: true, refusalOnScreen: true })).toEqual({
      text: 'Saving…',
      tone: 'busy',
    });
  });
});
