/**
 * Search snippets. PostgreSQL's ts_headline marks the matched words with StartSel/StopSel strings it
 * copies into its output verbatim, next to the document's own text, which may contain anything
 * (`<script>` included). So the markers are two private-use characters that are removed from the
 * document first, and the snippet is turned into segments here: plain text (which React escapes like
 * any other text) and highlighted text (rendered in <mark>). No HTML string is ever built.
 */

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';
// ts_headline's parser takes "<script>" for a markup tag and leaves it out of the snippet; the text
// is meant to show as written, so angle brackets travel through it as two more private-use characters.
const LT = '\uE002';
const GT = '\uE003';

/**
 * translate(text, HEADLINE_TRANSLATE_FROM, HEADLINE_TRANSLATE_TO) prepares a document for ts_headline:
 * angle brackets become their stand-ins, and the sentinels and stand-ins already in the text are dropped.
 */
export const HEADLINE_TRANSLATE_FROM = `<>${HIGHLIGHT_START}${HIGHLIGHT_STOP}${LT}${GT}`;
export const HEADLINE_TRANSLATE_TO = `${LT}${GT}`;

/** ts_headline's options: the sentinels, about 28 words in at most two fragments. */
export const HEADLINE_OPTIONS = [
  `StartSel=${HIGHLIGHT_START}`,
  `StopSel=${HIGHLIGHT_STOP}`,
  'MaxWords=28',
  'MinWords=15',
  'ShortWord=3',
  'MaxFragments=2',
  'FragmentDelimiter=" … "',
].join(', ');

export type HeadlineSegment = { text: string; highlight: boolean };

/**
 * Segments of a ts_headline result. Markers that do not pair up (they cannot, short of a bug) are
 * dropped rather than trusted.
 */
export function headlineSegments(headline: string): HeadlineSegment[] {
  const segments: HeadlineSegment[] = [];
  let highlight = false;
  let text = '';
  const flush = () => {
    if (text) segments.push({ text, highlight });
    text = '';
  };
  for (const char of headline) {
    if (char === HIGHLIGHT_START && !highlight) {
      flush();
      highlight = true;
    } else if (char === HIGHLIGHT_STOP && highlight) {
      flush();
      highlight = false;
    } else if (char === LT) {
      text += '<';
    } else if (char === GT) {
      text += '>';
    } else if (char !== HIGHLIGHT_START && char !== HIGHLIGHT_STOP) {
      text += char;
    }
  }
  flush();
  // Adjacent segments of the same kind (a dropped marker) are merged.
  return segments.reduce<HeadlineSegment[]>((acc, s) => {
    const last = acc.at(-1);
    if (last && last.highlight === s.highlight) last.text += s.text;
    else acc.push({ ...s });
    return acc;
  }, []);
}
