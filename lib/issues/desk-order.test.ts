import { describe, expect, it } from 'vitest';
import { applyOrderChange, dropInList, orderByIds, stepInList, type DeskSectionDto } from './desk-order';

const item = (id: string) => ({ id, title: id, kind: 'ARTICLE' as const, state: 'APPROVED' as const, authorName: 'A' });
const sections: DeskSectionDto[] = [
  { id: 's1', title: 'Lead', acceptsKind: null, items: [item('a'), item('b'), item('c')] },
  { id: 's2', title: 'Other', acceptsKind: null, items: [item('d')] },
];
const ids = (s: DeskSectionDto[]) => s.map((x) => `${x.id}:${x.items.map((i) => i.id).join('')}`);

describe('desk ordering', () => {
  it('steps one place, not past either end', () => {
    expect(stepInList(['a', 'b', 'c'], 'c', 'up')).toEqual(['a', 'c', 'b']);
    expect(stepInList(['a', 'b', 'c'], 'a', 'up')).toBeNull();
    expect(stepInList(['a', 'b', 'c'], 'c', 'down')).toBeNull();
  });

  it('drops before a position, counting the dragged item where it was', () => {
    expect(dropInList(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(dropInList(['a', 'b', 'c'], 'a', 2)).toEqual(['b', 'a', 'c']);
    expect(dropInList(['a', 'b', 'c'], 'a', 3)).toEqual(['b', 'c', 'a']);
    expect(dropInList(['a', 'b'], 'x', 1)).toEqual(['a', 'x', 'b']);
    expect(dropInList([], 'x', 5)).toEqual(['x']);
  });

  it('orders by ids and keeps what they do not name', () => {
    expect(orderByIds([item('a'), item('b'), item('c')], ['c', 'a']).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  it('applies each kind of change', () => {
    expect(ids(applyOrderChange(sections, { type: 'items', sectionId: 's1', ids: ['c', 'b', 'a'] }))).toEqual([
      's1:cba',
      's2:d',
    ]);
    expect(ids(applyOrderChange(sections, { type: 'sections', ids: ['s2', 's1'] }))).toEqual(['s2:d', 's1:abc']);
    expect(ids(applyOrderChange(sections, { type: 'moveTo', itemId: 'b', sectionId: 's2', ids: ['b', 'd'] }))).toEqual([
      's1:ac',
      's2:bd',
    ]);
    expect(ids(applyOrderChange(sections, { type: 'remove', itemId: 'd' }))).toEqual(['s1:abc', 's2:']);
  });
});
