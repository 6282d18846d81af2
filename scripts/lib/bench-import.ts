import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBulletin } from '@/lib/import/parse-bulletin';
import { NAUGHTY_STRINGS } from '@/lib/import/fixtures/naughty-strings';

/**
 * The importer's parser on hostile sizes: a test bulletin, one 50,000-character line, 1 MB and 5 MB of
 * bulletins, 5 MB of naughty strings. Reports time per MB so that linear parsing shows as a flat ratio.
 */
export function benchImportParser(runs = 5) {
  const fixture = readFileSync(path.resolve('lib/import/fixtures/bulletin-22-summer-2001.txt'), 'utf8');
  const repeat = (s: string, bytes: number) => {
    const n = Math.ceil(bytes / Buffer.byteLength(s));
    return s.repeat(n).slice(0, bytes);
  };
  const inputs: [string, string][] = [
    ['a test bulletin (N° 22)', fixture],
    ['one 50,000-character line of words', 'A long line of words and more '.repeat(1700).slice(0, 50_000)],
    ['one 50,000-character line of markers', '**_[('.repeat(10_000)],
    ['one 50,000-character line in capitals', 'MEETINGS AND POLICY '.repeat(2500)],
    ['1 MB of bulletins', repeat(fixture, 1024 * 1024)],
    ['5 MB of bulletins', repeat(fixture, 5 * 1024 * 1024)],
    ['5 MB of naughty strings', repeat(NAUGHTY_STRINGS.join('\n\n'), 5 * 1024 * 1024)],
  ];
  const rows = inputs.map(([name, text]) => {
    parseBulletin(text);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      parseBulletin(text);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const mb = Buffer.byteLength(text) / 1024 / 1024;
    return {
      input: name,
      size_kb: Math.round(mb * 1024),
      median_ms: median.toFixed(1),
      ms_per_mb: (median / mb).toFixed(0),
    };
  });
  console.log('Import parser (median of %d runs):', runs);
  console.table(rows);
}
