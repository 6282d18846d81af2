import { describe, expect, it } from 'vitest';
import { headlineSegments, HIGHLIGHT_START as S, HIGHLIGHT_STOP as E } from './headline';

describe('search snippets', () => {
  it('split ts_headline output into text and highlighted segments, markup left as text', () => {
    expect(headlineSegments(`before <script>alert(1)</script> ${S}visa${E} & ${S}permit${E}`)).toEqual([
      { text: 'before <script>alert(1)</script> ', highlight: false },
      { text: 'visa', highlight: true },
      { text: ' & ', highlight: false },
      { text: 'permit', highlight: true },
    ]);
  });

  it('drop markers that do not pair up instead of trusting them', () => {
    expect(headlineSegments(`a${E}b${S}c${S}d`)).toEqual([
      { text: 'ab', highlight: false },
      { text: 'cd', highlight: true },
    ]);
    expect(headlineSegments('')).toEqual([]);
  });
});

describe('angle brackets in snippets', () => {
  it('come back from their stand-ins as text', () => {
    expect(headlineSegments(`a \uE002script\uE003 ${S}b${E}`)).toEqual([
      { text: 'a <script> ', highlight: false },
      { text: 'b', highlight: true },
    ]);
  });
});
