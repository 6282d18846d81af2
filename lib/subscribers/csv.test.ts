import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF or LF, and skips blank lines', () => {
    const text =
      '\uFEFFemail,name,organisation\r\n"a@x.test","Doe, Jane","The ""Best"" NGO"\n\nb@x.test,"two\nlines",\r\n';
    expect(parseCsv(text)).toEqual([
      ['email', 'name', 'organisation'],
      ['a@x.test', 'Doe, Jane', 'The "Best" NGO'],
      ['b@x.test', 'two\nlines', ''],
    ]);
  });
  it('accepts semicolons and tabs as separators (spreadsheets in many locales write them)', () => {
    expect(parseCsv('a@x.test;Ana\nb@x.test\tBo')).toEqual([
      ['a@x.test', 'Ana'],
      ['b@x.test', 'Bo'],
    ]);
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+41 22')).toBe("'+41 22");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('plain')).toBe('plain');
    expect(
      toCsv([
        ['a', 'b,c'],
        ['d"e', ''],
      ]),
    ).toBe('a,"b,c"\r\n"d""e",\r\n');
  });
  it('round-trips through parseCsv', () => {
    const rows = [
      ['email', 'name'],
      ['a@x.test', 'Doe, "J"'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
