import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every writer of what public pages show calls lib/cache/invalidate.ts (docs/caching.md), so a new
 * writer cannot forget to expire the cached pages: a lib/ module that creates, changes or deletes
 * issues, sections, items (with their tags and sources), meetings, publications or the publication
 * settings must call one of its functions, or go through writeIssue/writeSection (which call it),
 * or be listed below with the reason it cannot change anything a reader sees.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, entry);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...walk(rel));
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(rel);
  }
  return out;
}

const PUBLIC_MODELS = [
  'issue',
  'section',
  'item',
  'itemTag',
  'itemSource',
  'tag',
  'meeting',
  'publication',
  'publicationSettings',
];
const WRITE = new RegExp(
  `\\.(${PUBLIC_MODELS.join('|')})\\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\\(|` +
    // lib/content/records writes through a delegate chosen by kind (meeting or publication).
    `\\bdb\\.(update|updateMany|create|delete|deleteMany|upsert)\\(|recordDelegate\\([^)]*\\)\\.(create|update|updateMany|delete)\\(|` +
    `(UPDATE|INSERT INTO|DELETE FROM)\\s+"(Issue|Section|Item|ItemTag|ItemSource|Tag|Meeting|Publication|PublicationSettings)"`,
);
const INVALIDATES = /from '@\/lib\/cache\/invalidate'|\bwriteIssue\(|\bwriteSection\(/;

/** Writers that cannot change a public page, and why. */
const EXEMPT: Record<string, string> = {
  'lib/content/items/create-item.ts': 'creates drafts: never public',
  'lib/content/items/item-fields.ts':
    "writes an item's tags and sources inside save-item's transaction, which invalidates",
  'lib/contributions/accept-contribution.ts':
    'creates a draft item and possibly a new meeting or publication no published item shows',
  'lib/content/records/create-record.ts': 'a new meeting or publication is shown by no published item yet',
  'lib/issues/create-issue.ts': 'creates a planned issue: never public',
  'lib/issues/run-due-schedules.ts':
    'publishes through publishLockedIssue (which invalidates); its own write records a schedule failure',
  'lib/issues/tx.ts': "bumps an issue's version inside writeIssue's transaction, which invalidates",
};

describe('cache invalidation', () => {
  const writers = walk('lib').filter((f) => WRITE.test(readFileSync(path.join(ROOT, f), 'utf8')));

  it('finds the writers (the pattern still matches the code)', () => {
    for (const f of ['lib/issues/publish-core.ts', 'lib/content/items/save-item.ts', 'lib/settings/update-settings.ts'])
      expect(writers).toContain(f);
  });

  it('every writer of public content calls lib/cache/invalidate.ts or says why not', () => {
    const forgetful = writers.filter((f) => !EXEMPT[f] && !INVALIDATES.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(forgetful).toEqual([]);
  });

  it('exemptions are still writers (stale entries are removed)', () => {
    for (const f of Object.keys(EXEMPT)) expect(writers, f).toContain(f);
  });
});
