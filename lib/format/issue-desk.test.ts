import { describe, expect, it } from 'vitest';
import { acceptsKindLabel } from './issue-desk';

describe('issue desk words', () => {
  it('names accepted kinds', () => {
    expect(acceptsKindLabel(null)).toBe('Any kind');
    expect(acceptsKindLabel('PUBLICATION_REVIEW')).toBe('Publication reviews only');
  });
});
