/**
 * Search snippets. PostgreSQL's ts_headline marks the matched words with StartSel/StopSel strings it
 * copies into its output verbatim, next to the document's own text, which may contain anything
 * (`<script>` included). So the markers are two private-use characters that are removed from the
 * document first, and the snippet is turned into segments here: plain text (which React escapes like
 * any other text) and highlighted text (rendered in <mark>). No HTML string is ever built.
 */

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

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
