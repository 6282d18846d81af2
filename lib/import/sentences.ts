import { isUpper } from './text';

const ABBREVIATIONS = new Set([
  'dept',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'nos',
  'vol',
  'e.g',
  'i.e',
  'etc',
  'inc',
  'ltd',
  'co',
  'jr',
  'sr',
  'prof',
  'gen',
  'art',
  'arts',
  'para',
  'fig',
  'approx',
  'vs',
  'cf',
]);

/** Sentences of a paragraph (a full stop, "!" or "?" followed by a space and a capital or a quote). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && (text[j] === '"' || text[j] === '”' || text[j] === '’' || text[j] === ')')) j++;
    if (j >= text.length) break;
    if (text[j] !== ' ') continue;
    const next = text[j + 1];
    if (!(
      isUpper(next) ||
      next === '"' ||
      next === '“' ||
      next === '‘' ||
      (next !== undefined && next >= '0' && next <= '9')
    ))
      continue;
    if (ch === '.') {
      // The word before the full stop: an initial ("M.") or an abbreviation ("Dept.") does not end a sentence.
      let k = i - 1;
      while (k >= start && text[k] !== ' ' && text[k] !== '(') k--;
      const word = text.slice(k + 1, i).toLowerCase();
      if (word.length === 1 || ABBREVIATIONS.has(word) || /^([a-z]\.)+[a-z]$/.test(word)) continue;
    }
    out.push(text.slice(start, j).trim());
    start = j + 1;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
