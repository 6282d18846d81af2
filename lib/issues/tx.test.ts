import { describe, expect, it } from 'vitest';
import { sameMembers, stepInOrder } from './tx';

describe('ordering helpers', () => {
  it('move one step, and not past either end', () => {
    expect(stepInOrder(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(stepInOrder(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(stepInOrder(['a', 'b', 'c'], 'a', 'up')).toBeNull();
    expect(stepInOrder(['a', 'b', 'c'], 'c', 'down')).toBeNull();
    expect(stepInOrder(['a'], 'x', 'up')).toBeNull();
  });

  it('accept a new order only when it names exactly the current members, each once', () => {
    expect(sameMembers(['c', 'a', 'b'], ['a', 'b', 'c'])).toBe(true);
    expect(sameMembers([], [])).toBe(true);
    expect(sameMembers(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(sameMembers(['a', 'a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(sameMembers(['a', 'b', 'd'], ['a', 'b', 'c'])).toBe(false);
  });
});
