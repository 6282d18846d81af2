/**
 * Roving focus in a toolbar (WAI-ARIA Authoring Practices, "Toolbar"): one button is in the tab order;
 * arrow keys move between buttons, wrapping; Home and End jump to the ends. Returns the index to focus,
 * or null when the key is not a toolbar key.
 */
export function nextToolbarIndex(current: number, key: string, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** "Mod-b" → "Ctrl+B" or "⌘B", for titles and aria-keyshortcuts. */
export function shortcutLabel(shortcut: string, mac: boolean): { title: string; aria: string } {
  const parts = shortcut.split('-');
  const key = (parts.pop() ?? '').toUpperCase();
  const mods = parts.map((p) =>
    p === 'Mod' ? (mac ? 'Meta' : 'Control') : p === 'Alt' ? 'Alt' : p === 'Shift' ? 'Shift' : p,
  );
  const glyph: Record<string, string> = {
    Meta: '⌘',
    Control: 'Ctrl+',
    Alt: mac ? '⌥' : 'Alt+',
    Shift: mac ? '⇧' : 'Shift+',
  };
  return { title: mods.map((m) => glyph[m] ?? `${m}+`).join('') + key, aria: [...mods, key].join('+') };
}
