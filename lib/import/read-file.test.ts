import { describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph, TextRun, LevelFormat, AlignmentType } from 'docx';
import { parseRichText } from '@/lib/rich-text/document';
import { parseBulletin } from './parse-bulletin';
import { MAX_IMPORT_BYTES, readImportFile, readPastedText } from './read-file';
import { htmlToLines } from './docx';
import { NAUGHTY_STRINGS } from './fixtures/naughty-strings';
import { readBulletin } from './fixtures/fixtures';

const bytes = (s: string) => new TextEncoder().encode(s);

async function refusal(input: Uint8Array) {
  const r = await readImportFile(input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
}

describe('what the importer refuses, and why', () => {
  it('a PDF, images, archives, an old .doc, a zip that is not a Word file', async () => {
    expect(await refusal(bytes('%PDF-1.4\n%âãÏÓ\n1 0 obj'))).toMatch(/This is a PDF/);
    expect(await refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatch(/image/);
    expect(await refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatch(/image/);
    expect(await refusal(bytes('GIF89a....'))).toMatch(/image/);
    expect(await refusal(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]))).toMatch(/compressed archive/);
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatch(/\.doc/);
    // An empty zip archive: end-of-central-directory only.
    const zip = new Uint8Array(22);
    zip.set([0x50, 0x4b, 0x05, 0x06]);
    expect(await refusal(zip)).toMatch(/not a Word document/);
  });

  it('broken UTF-8, saying where', async () => {
    const message = await refusal(new Uint8Array([...bytes('N° 25\nLine two\n'), 0xc3, 0x28, 0x41]));
    expect(message).toMatch(/not UTF-8 text \(byte \d+, line 3\)/);
    expect(await refusal(new Uint8Array([0xed, 0xa0, 0x80]))).toMatch(/not UTF-8/); // an encoded surrogate
    expect(await refusal(new Uint8Array([0xc0, 0xaf]))).toMatch(/not UTF-8/); // an overlong form
  });

  it('binary data that happens to be valid UTF-8, empty files and files over 5 MB', async () => {
    expect(await refusal(bytes('abc\u0000\u0001\u0002def'))).toMatch(/not text/);
    expect(await refusal(new Uint8Array(0))).toMatch(/empty/);
    expect(await refusal(bytes(' \n\n\t  \n'))).toMatch(/empty/);
    expect(await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61))).toMatch(
      /5\.0 MB: Quire imports files of up to 5 MB/,
    );
    expect(readPastedText('é'.repeat(MAX_IMPORT_BYTES / 2 + 1))).toMatchObject({ ok: false });
  });

  it('accepts UTF-8 with or without a byte-order mark, and UTF-16 with one', async () => {
    const text = readBulletin('summer2001');
    const plain = await readImportFile(bytes(text));
    const bom = await readImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]));
    const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le');
    const wide = await readImportFile(new Uint8Array(utf16));
    expect(plain.ok && bom.ok && wide.ok).toBe(true);
    if (plain.ok && bom.ok && wide.ok) {
      expect(bom.source.hash).toBe(plain.source.hash);
      expect(wide.source.hash).toBe(plain.source.hash);
    }
  });

  it('gives the same hash to the same text with other line ends and spacing', () => {
    const text = readBulletin('winter2001');
    const a = readPastedText(text);
    const b = readPastedText(`\n\n${text.replaceAll('\n', '\r\n').replaceAll(' ', '  ')}\n\n\n`);
    const c = readPastedText(text.replace('Winter 2001', 'Winter 2002'));
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(b.source.hash).toBe(a.source.hash);
      expect(c.source.hash).not.toBe(a.source.hash);
    }
  });
});

describe('Word files', () => {
  async function makeDocx(): Promise<Uint8Array> {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'numbers',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'TRAFFICKING IN MIGRANTS', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'N° 21 – Spring 2001' }),
            new Paragraph({ text: 'MEETINGS AND POLICY', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Forum on Safe Return', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({
              children: [
                new TextRun('The '),
                new TextRun({ text: 'Forum on the Safe Return of Trafficked Persons', bold: true }),
                new TextRun(' was held in Sofia, Bulgaria on '),
                new TextRun({ text: '5-6 March 2001', bold: true }),
                new TextRun('. It was organised by the Bulgarian Red Cross and a *star* of [brackets].'),
              ],
            }),
            new Paragraph({
              children: [
                new TextRun('The '),
                new TextRun({ text: 'Bulgarian Red Cross', italics: true }),
                new TextRun(' agreed on three points:'),
              ],
            }),
            new Paragraph({ text: 'a shelter in each region;', bullet: { level: 0 } }),
            new Paragraph({ text: 'a hotline;', bullet: { level: 0 } }),
            new Paragraph({ text: 'Register every case.', numbering: { reference: 'numbers', level: 0 } }),
            new Paragraph({ text: 'Report each year.', numbering: { reference: 'numbers', level: 0 } }),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  it('keeps headings, bold, italics and lists, then reads the issue like any other text', async () => {
    const read = await readImportFile(await makeDocx());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.source.format).toBe('docx');
    const proposal = parseBulletin(read.source.text);
    expect(proposal.issue).toMatchObject({ number: 21, coverLabel: 'Spring 2001' });
    expect(proposal.sections.map((s) => s.title)).toEqual(['Meetings and Policy']);
    const item = proposal.sections[0]!.items[0]!;
    expect(item).toMatchObject({ kind: 'MEETING_REPORT', title: 'Forum on Safe Return' });
    expect(item.meeting).toMatchObject({
      name: 'Forum on the Safe Return of Trafficked Persons',
      startDate: '2001-03-05',
      endDate: '2001-03-06',
      city: 'Sofia',
      country: 'Bulgaria',
    });
    expect(parseRichText(item.body).ok).toBe(true);
    const json = JSON.stringify(item.body);
    expect(json).toContain('"text":"Bulgarian Red Cross","marks":[{"type":"italic"}]');
    expect(item.standfirst).toContain('and a *star* of [brackets].');
    expect(item.body.content.map((n) => n.type)).toEqual(expect.arrayContaining(['bulletList']));
  });

  it('turns mammoth’s HTML into lines, entities and links included', () => {
    expect(
      htmlToLines(
        '<h1>NEWS</h1><p>A <strong>bold </strong>word &amp; <a href="https://x.org/a">a link</a></p><ol><li>one</li><li>two</li></ol>',
      ),
    ).toBe('# NEWS\n\nA **bold** word & [a link](https://x.org/a)\n\n1. one\n\n2. two\n');
    expect(htmlToLines('<p><a href="javascript:alert(1)">x</a></p>')).toBe('x\n');
  });
});

// Correctness, not speed (the bench times it): room for a loaded machine.
describe('hostile input gives a proposal or a refusal, never an exception', { timeout: 180_000 }, () => {
  const valid = (p: ReturnType<typeof parseBulletin>) => {
    for (const s of p.sections) for (const i of s.items) expect(parseRichText(i.body).ok).toBe(true);
    const json = JSON.stringify(p);
    expect(json).not.toMatch(/"href":"(?!https?:|mailto:)/i);
  };

  it('200 naughty strings as a whole file', async () => {
    expect(NAUGHTY_STRINGS).toHaveLength(200);
    const file = NAUGHTY_STRINGS.join('\n\n');
    const read = await readImportFile(bytes(file));
    if (!read.ok) throw new Error(read.message);
    valid(parseBulletin(read.source.text));
  });

  it('each naughty string alone, as a file, as a section heading and as an item heading', async () => {
    const shell = readBulletin('summer2001');
    for (const s of NAUGHTY_STRINGS) {
      const alone = await readImportFile(bytes(s));
      if (alone.ok) valid(parseBulletin(alone.source.text));
      else expect(alone.message).toBeTruthy();
      valid(parseBulletin(shell.replace('MEETINGS AND POLICY', s)));
      const item = parseBulletin(shell.replace('MEKONG SUB-REGIONAL CONSULTATION', s.toUpperCase()));
      valid(item);
      expect(JSON.stringify(item)).not.toContain('<script>alert');
    }
  });

  it('a 5 MB file and a single 50,000-character line', async () => {
    const big = readBulletin('summer2001').repeat(Math.floor(MAX_IMPORT_BYTES / 6000));
    const sized = bytes(big).subarray(0, MAX_IMPORT_BYTES);
    const read = await readImportFile(bytes(new TextDecoder().decode(sized).slice(0, -2)));
    expect(sized.length).toBe(MAX_IMPORT_BYTES);
    if (!read.ok) throw new Error(read.message);
    valid(parseBulletin(read.source.text));
    for (const line of [
      'word '.repeat(10_000),
      'A'.repeat(50_000),
      '*_['.repeat(16_667),
      'IN '.repeat(16_667),
      '-'.repeat(50_000),
    ]) {
      const one = readPastedText(line);
      if (one.ok) valid(parseBulletin(one.source.text));
    }
  });
});
