import { createHash } from 'node:crypto';
import { canonicalForHash, normaliseText } from './text';
import { docxToText } from './docx';
import { EMPTY, MAX_IMPORT_BYTES, TOO_LARGE } from './limits';

/**
 * What the importer accepts: UTF-8 (or UTF-16 with a byte-order mark) text or Markdown, and Word .docx,
 * up to 5 MB. Everything else is refused with a message that says what the file is and what to do.
 */

export { MAX_IMPORT_BYTES, TOO_LARGE, EMPTY };

export type ImportSource = {
  text: string;
  format: 'text' | 'docx';
  /** SHA-256 of the normalised text (line ends, spaces and blank lines aside): the duplicate check. */
  hash: string;
};

export type ReadResult = { ok: true; source: ImportSource } | { ok: false; message: string };

const refuse = (message: string): ReadResult => ({ ok: false, message });

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** What a binary file is, from its first bytes; null when it may be text. */
function sniff(bytes: Uint8Array): 'pdf' | 'zip' | 'image' | 'archive' | 'doc' | null {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    startsWith(bytes, 0x47, 0x49, 0x46, 0x38) ||
    startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) ||
    startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a) ||
    (startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42) ||
    (bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70)
  )
    return 'image';
  if (
    startsWith(bytes, 0x1f, 0x8b) ||
    startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf) ||
    startsWith(bytes, 0x52, 0x61, 0x72, 0x21) ||
    startsWith(bytes, 0x42, 0x5a, 0x68)
  )
    return 'archive';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return 'doc';
  return null;
}

/** The offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function hashOf(text: string): string {
  return createHash('sha256').update(canonicalForHash(text)).digest('hex');
}

function fromText(text: string, format: ImportSource['format']): ReadResult {
  const normalised = normaliseText(text);
  if (normalised.trim() === '') return refuse(EMPTY);
  return { ok: true, source: { text: normalised, format, hash: hashOf(normalised) } };
}

/** Text typed or pasted into the screen. */
export function readPastedText(text: string): ReadResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) return refuse(TOO_LARGE(bytes));
  return fromText(text, 'text');
}

/** An uploaded file's bytes. */
export async function readImportFile(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length > MAX_IMPORT_BYTES) return refuse(TOO_LARGE(bytes.length));
  if (bytes.length === 0) return refuse(EMPTY);
  switch (sniff(bytes)) {
    case 'pdf':
      return refuse(
        'This is a PDF. Quire imports a bulletin’s text: open the PDF, save or copy its text (for example with “Save as text”), and import that.',
      );
    case 'image':
      return refuse(
        'This is an image, not text. Quire cannot read text out of pictures: import the bulletin’s text instead.',
      );
    case 'archive':
      return refuse('This is a compressed archive. Unpack it and import the bulletin’s text or Word file itself.');
    case 'doc':
      return refuse('This is an old Word (.doc) file. Open it in Word and save it as .docx, then import that.');
    case 'zip': {
      const converted = await docxToText(bytes);
      if (!converted.ok) return refuse(converted.message);
      return fromText(converted.text, 'docx');
    }
  }
  // UTF-16 with a byte-order mark (Windows "Unicode" text).
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    try {
      const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
      return fromText(text, 'text');
    } catch {
      return refuse('The file says it is UTF-16 text but is not. Save it as UTF-8 text and import it again.');
    }
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0)
    return refuse(
      `The file is not UTF-8 text (byte ${bad + 1}, line ${lineOf(bytes, bad)}). Save it as UTF-8 (“Unicode”) text and import it again.`,
    );
  const text = new TextDecoder('utf-8').decode(bytes);
  // NUL and other control characters in quantity: a binary file that happens to be valid UTF-8.
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 65_536); i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c)) control++;
  }
  if (control > 0 && text.includes('\u0000'))
    return refuse('This file is not text (it holds binary data). Import the bulletin as text, Markdown or .docx.');
  return fromText(text, 'text');
}
