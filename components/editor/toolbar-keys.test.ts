import { describe, expect, it } from 'vitest';
import { nextToolbarIndex, shortcutLabel } from './toolbar-keys';

describe('toolbar keys', () => {
  it('move with arrows, wrapping, and jump with Home and End', () => {
    expect(nextToolbarIndex(0, 'ArrowRight', 5)).toBe(1);
    expect(nextToolbarIndex(4, 'ArrowRight', 5)).toBe(0);
    expect(nextToolbarIndex(0, 'ArrowLeft', 5)).toBe(4);
    expect(nextToolbarIndex(2, 'Home', 5)).toBe(0);
    expect(nextToolbarIndex(2, 'End', 5)).toBe(4);
    expect(nextToolbarIndex(2, 'Enter', 5)).toBeNull();
    expect(nextToolbarIndex(0, 'ArrowRight', 0)).toBeNull();
  });

  it('name shortcuts for people and for assistive technology', () => {
    expect(shortcutLabel('Mod-b', false)).toEqual({ title: 'Ctrl+B', aria: 'Control+B' });
    expect(shortcutLabel('Mod-Alt-2', true)).toEqual({ title: '⌘⌥2', aria: 'Meta+Alt+2' });
    expect(shortcutLabel('Mod-Shift-z', false)).toEqual({ title: 'Ctrl+Shift+Z', aria: 'Control+Shift+Z' });
  });
});
