/**
 * Words in a plain text, as the editor and the item lists count them: runs of letters or digits,
 * with inner apostrophes, hyphens and dots ("don't", "co-operation", "U.N.") counted once.
 */
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}
