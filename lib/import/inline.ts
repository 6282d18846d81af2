import { isAllowedHref } from '@/lib/rich-text/extensions';
import type { RichTextMark, RichTextNode } from '@/lib/rich-text/document';

/**
 * Inline Markdown as bulletins use it: **bold**, *italic* or _italic_, [text](https://…), and
 * backslash escapes. One pass to find the markers, one to pair them (an opening marker is kept only
 * when a closing one follows), one to build text nodes: linear in the length of the text.
 */

export type InlineText = {
  nodes: RichTextNode[];
  /** The text without markers. */
  plain: string;
  /** The bold spans of `plain`, in order. */
  bold: { text: string; start: number; end: number }[];
};

type Marker = { at: number; len: number; kind: 'bold' | 'italic' | 'underscore' };

const isSpace = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\n';
const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

export function parseInline(src: string): InlineText {
  // 1. Markers, escapes and links.
  const markers: Marker[] = [];
  const escaped = new Set<number>();
  const links = new Map<number, { textEnd: number; urlStart: number; end: number; href: string }>();
  const nextClose = closers(src);
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < src.length && '*_[]()\\'.includes(src[i + 1]!)) {
      escaped.add(i);
      i++;
      continue;
    }
    if (ch === '[') {
      const close = nextClose.bracket[i + 1] ?? -1;
      if (close > i && src[close + 1] === '(') {
        const paren = nextClose.paren[close + 2] ?? -1;
        if (paren > close) {
          const href = src.slice(close + 2, paren).trim();
          if (isAllowedHref(href) && close > i + 1) {
            links.set(i, { textEnd: close, urlStart: close + 2, end: paren + 1, href });
            i = close;
            continue;
          }
        }
      }
    }
    if (ch === '*') {
      if (src[i + 1] === '*') {
        markers.push({ at: i, len: 2, kind: 'bold' });
        i++;
      } else markers.push({ at: i, len: 1, kind: 'italic' });
    } else if (ch === '_' && src[i + 1] === '_') {
      markers.push({ at: i, len: 2, kind: 'bold' });
      i++;
    } else if (ch === '_') {
      markers.push({ at: i, len: 1, kind: 'underscore' });
    }
  }

  // 2. Pairs: an opener is followed by a non-space, a closer preceded by one; "_" only at word edges.
  const active = new Set<number>();
  const open: Partial<Record<Marker['kind'], Marker>> = {};
  for (const m of markers) {
    const before = src[m.at - 1];
    const after = src[m.at + m.len];
    const current = open[m.kind];
    const canClose = !isSpace(before) && (m.kind !== 'underscore' || !isWordChar(after));
    const canOpen = !isSpace(after) && (m.kind !== 'underscore' || !isWordChar(before));
    if (current && canClose && m.at > current.at + current.len) {
      active.add(current.at);
      active.add(m.at);
      delete open[m.kind];
    } else if (canOpen) open[m.kind] = m;
  }

  // 3. Text nodes.
  const nodes: RichTextNode[] = [];
  const bold: InlineText['bold'] = [];
  let plain = '';
  let buf = '';
  let isBold = false;
  let isItalic = false;
  let boldStart = 0;
  const flush = (link?: string) => {
    if (!buf) return;
    const marks: RichTextMark[] = [];
    if (isBold) marks.push({ type: 'bold' });
    if (isItalic) marks.push({ type: 'italic' });
    if (link) marks.push({ type: 'link', attrs: { href: link } });
    const last = nodes[nodes.length - 1];
    if (!link && last && last.type === 'text' && sameMarks(last.marks, marks)) last.text += buf;
    else nodes.push(marks.length ? { type: 'text', text: buf, marks } : { type: 'text', text: buf });
    buf = '';
  };
  const byAt = new Map(markers.filter((m) => active.has(m.at)).map((m) => [m.at, m]));
  for (let i = 0; i < src.length; i++) {
    if (escaped.has(i)) {
      buf += src[i + 1];
      plain += src[i + 1];
      i++;
      continue;
    }
    const link = links.get(i);
    if (link) {
      flush();
      const text = src
        .slice(i + 1, link.textEnd)
        .replaceAll('**', '')
        .replaceAll('__', '');
      buf = text;
      plain += text;
      flush(link.href);
      i = link.end - 1;
      continue;
    }
    const m = byAt.get(i);
    if (m) {
      flush();
      if (m.kind === 'bold') {
        if (isBold) bold.push({ text: plain.slice(boldStart), start: boldStart, end: plain.length });
        else boldStart = plain.length;
        isBold = !isBold;
      } else isItalic = !isItalic;
      i += m.len - 1;
      continue;
    }
    buf += src[i];
    plain += src[i];
  }
  flush();
  return { nodes: trimNodes(nodes), plain, bold: bold.map((b) => trimSpan(b)).filter((b) => b.text) };
}

function trimSpan(b: { text: string; start: number; end: number }) {
  const lead = b.text.length - b.text.trimStart().length;
  const text = b.text.trim();
  return { text, start: b.start + lead, end: b.start + lead + text.length };
}

function sameMarks(a: RichTextMark[] | undefined, b: RichTextMark[]): boolean {
  const x = a ?? [];
  return x.length === b.length && x.every((m, i) => m.type === b[i]!.type);
}

/** Drops empty text nodes. */
function trimNodes(nodes: RichTextNode[]): RichTextNode[] {
  return nodes.filter((n) => n.type !== 'text' || n.text.length > 0);
}

/** For each position, the next "]" and ")" at or after it (computed backwards once). */
function closers(src: string): { bracket: Int32Array; paren: Int32Array } {
  const bracket = new Int32Array(src.length + 2).fill(-1);
  const paren = new Int32Array(src.length + 2).fill(-1);
  let b = -1;
  let p = -1;
  for (let i = src.length - 1; i >= 0; i--) {
    if (src[i] === ']') b = i;
    if (src[i] === ')') p = i;
    if (src[i] === '\n') {
      b = -1;
      p = -1;
    }
    bracket[i] = b;
    paren[i] = p;
  }
  return { bracket, paren };
}

/** Text with its inline markers removed. */
export function plainOf(src: string): string {
  return parseInline(src).plain;
}
