import type { ItemKind, ItemState } from '@/generated/prisma/enums';

// Browser-safe (no server-only imports): the desk component reorders with these before the server confirms.

/** The issue desk's view of its sections and items (what the browser gets: no more than it shows). */
export type DeskItemDto = { id: string; title: string; kind: ItemKind; state: ItemState; authorName: string };
/** A search result of the "Add item" picker (GET /admin/issues/placeable-items). */
export type PlaceableItemDto = { id: string; title: string; kind: ItemKind; state: ItemState; authorName: string };
export type DeskSectionDto = { id: string; title: string; acceptsKind: ItemKind | null; items: DeskItemDto[] };

/** A change of order the desk shows at once, before the server confirms it. */
export type OrderChange =
  | { type: 'items'; sectionId: string; ids: string[] }
  | { type: 'sections'; ids: string[] }
  | { type: 'moveTo'; itemId: string; sectionId: string; ids: string[] }
  | { type: 'remove'; itemId: string };

/** `list` in the order of `ids`; anything `ids` does not name keeps its place at the end. */
export function orderByIds<T extends { id: string }>(list: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  const named = ids.map((id) => byId.get(id)).filter((x): x is T => x !== undefined);
  const seen = new Set(named.map((x) => x.id));
  return [...named, ...list.filter((x) => !seen.has(x.id))];
}

export function applyOrderChange(sections: DeskSectionDto[], change: OrderChange): DeskSectionDto[] {
  switch (change.type) {
    case 'sections':
      return orderByIds(sections, change.ids);
    case 'items':
      return sections.map((s) => (s.id === change.sectionId ? { ...s, items: orderByIds(s.items, change.ids) } : s));
    case 'remove':
      return sections.map((s) =>
        s.items.some((i) => i.id === change.itemId)
          ? { ...s, items: s.items.filter((i) => i.id !== change.itemId) }
          : s,
      );
    case 'moveTo': {
      const moving = sections.flatMap((s) => s.items).find((i) => i.id === change.itemId);
      if (!moving) return sections;
      return applyOrderChange(sections, { type: 'remove', itemId: change.itemId }).map((s) =>
        s.id === change.sectionId ? { ...s, items: orderByIds([...s.items, moving], change.ids) } : s,
      );
    }
  }
}

/** One step up or down; null at the edge. */
export function stepInList(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] | null {
  const index = ids.indexOf(id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ids.length) return null;
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The order after dropping `id` before position `index` of `ids` (positions as shown, the dragged one included when it is there). */
export function dropInList(ids: readonly string[], id: string, index: number): string[] {
  const next = [...ids];
  const from = next.indexOf(id);
  let at = Math.max(0, Math.min(index, next.length));
  if (from >= 0) {
    next.splice(from, 1);
    if (from < at) at -= 1;
  }
  next.splice(at, 0, id);
  return next;
}

export const accepts = (section: Pick<DeskSectionDto, 'acceptsKind'>, kind: ItemKind) =>
  section.acceptsKind === null || section.acceptsKind === kind;
