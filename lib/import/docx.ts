import mammoth from 'mammoth';

/**
 * A Word .docx → the Markdown-like lines the parser reads: headings as "#", "##"…, paragraphs, bold as
 * **…**, italics as *…*, lists as "- " and "1. ", links as [text](href). mammoth turns the document
 * into simple HTML (its style map keeps Word's headings and lists); this walks that HTML once.
 */

export type DocxResult = { ok: true; text: string } | { ok: false; message: string };

const NOT_DOCX =
  'This is a zip archive, not a Word document (.docx). Import the bulletin’s text, Markdown or .docx file.';
/** Uncompressed, the parts of a 5 MB .docx rarely pass this; a "zip bomb" does. */
const MAX_UNCOMPRESSED = 60 * 1024 * 1024;

/** The entries of a zip's central directory: names and uncompressed sizes (no decompression). */
function zipEntries(bytes: Uint8Array): { names: string[]; total: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: the last 22 bytes (plus a comment of up to 64 KB).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    total += size;
    at += 46 + nameLength + extra + comment;
  }
  return { names, total };
}

export async function docxToText(bytes: Uint8Array): Promise<DocxResult> {
  const entries = zipEntries(bytes);
  if (!entries || !entries.names.includes('word/document.xml')) return { ok: false, message: NOT_DOCX };
  if (entries.total > MAX_UNCOMPRESSED)
    return {
      ok: false,
      message: 'This Word file unpacks to more than 60 MB: Quire cannot import it. Import its text instead.',
    };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch {
    return {
      ok: false,
      message: 'This Word file could not be read: it may be damaged. Save it again from Word, or import its text.',
    };
  }
  return { ok: true, text: htmlToLines(html) };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '&') {
      out += s[i];
      continue;
    }
    const end = s.indexOf(';', i);
    if (end < 0 || end - i > 10) {
      out += '&';
      continue;
    }
    const name = s.slice(i + 1, end);
    let ch: string | undefined;
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
    } else ch = ENTITIES[name];
    if (ch === undefined) out += '&';
    else {
      out += ch;
      i = end;
    }
  }
  return out;
}

/** Markers the parser reads are escaped in the text itself. */
const escapeText = (s: string) => s.replace(/[\\*_[\]]/g, (c) => `\\${c}`);

type Run = { text: string; bold: boolean; italic: boolean; href: string | null };

/** Inline runs → one line of Markdown, with markers kept inside the words they mark. */
function serialise(runs: Run[]): string {
  let out = '';
  let bold = false;
  let italic = false;
  const close = () => {
    const trail = out.length - out.trimEnd().length;
    const spaces = out.slice(out.length - trail);
    out = out.slice(0, out.length - trail);
    if (italic) out += '*';
    if (bold) out += '**';
    out += spaces;
    bold = false;
    italic = false;
  };
  for (const r of runs) {
    const text = r.href ? `[${escapeText(r.text)}](${r.href})` : escapeText(r.text);
    if (r.bold !== bold || r.italic !== italic) {
      close();
      const lead = text.length - text.trimStart().length;
      out += text.slice(0, lead);
      if (r.bold) out += '**';
      if (r.italic) out += '*';
      bold = r.bold;
      italic = r.italic;
      out += text.slice(lead);
    } else out += text;
  }
  close();
  return out.replace(/\s+/g, ' ').trim();
}

/** mammoth's HTML → lines. One pass over the tags. */
export function htmlToLines(html: string): string {
  const lines: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let runs: Run[] = [];
  let prefix = '';
  let bold = 0;
  let italic = 0;
  let href: string | null = null;
  const endBlock = () => {
    const text = serialise(runs);
    if (text) lines.push(prefix + text, '');
    runs = [];
    prefix = '';
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) {
      const text = decodeEntities(html.slice(i, textEnd));
      if (text) runs.push({ text, bold: bold > 0, italic: italic > 0, href });
    }
    if (lt < 0) break;
    const gt = html.indexOf('>', lt);
    if (gt < 0) break;
    const tag = html.slice(lt + 1, gt);
    i = gt + 1;
    const closing = tag.startsWith('/');
    const name = (closing ? tag.slice(1) : tag).split(/[\s/]/)[0]!.toLowerCase();
    switch (name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (closing) endBlock();
        else {
          endBlock();
          prefix = `${'#'.repeat(Number(name[1]))} `;
        }
        break;
      case 'p':
      case 'td':
      case 'th':
        if (closing) endBlock();
        else if (runs.length) endBlock();
        break;
      case 'br':
        endBlock();
        break;
      case 'ul':
      case 'ol':
        endBlock();
        if (closing) lists.pop();
        else lists.push({ ordered: name === 'ol', n: 0 });
        break;
      case 'li':
        if (closing) endBlock();
        else {
          endBlock();
          const list = lists[lists.length - 1];
          if (list) {
            list.n++;
            prefix = list.ordered ? `${list.n}. ` : '- ';
          } else prefix = '- ';
        }
        break;
      case 'strong':
      case 'b':
        bold += closing ? -1 : 1;
        if (bold < 0) bold = 0;
        break;
      case 'em':
      case 'i':
        italic += closing ? -1 : 1;
        if (italic < 0) italic = 0;
        break;
      case 'a': {
        if (closing) href = null;
        else {
          const m = /href="([^"]*)"/.exec(tag);
          const value = m ? decodeEntities(m[1]!) : '';
          href = /^(https?:|mailto:)/i.test(value) ? value.replace(/[()\s]/g, encodeURIComponent) : null;
        }
        break;
      }
      default:
        break;
    }
  }
  endBlock();
  return lines.join('\n');
}
