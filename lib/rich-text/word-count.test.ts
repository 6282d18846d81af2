import { describe, expect, it } from 'vitest';
import { countWords } from './word-count';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n ', 0],
    ['One', 1],
    ['Thirty-eight countries took part.', 4],
    ["The U.N. didn't say — nor did IOM.", 7],
    ['Réunion à Genève, 2002', 4],
    ['first\n\nsecond', 2],
    ['— … !', 0],
  ])('%j has %i words', (text, n) => expect(countWords(text)).toBe(n));
});
