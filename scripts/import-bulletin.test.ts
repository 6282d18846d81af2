import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import { createDb } from '@/lib/db/client';
import { uniqueIssueNumber } from '@/tests/helpers/db';
import { createUser } from '@/tests/helpers/factories';
import { FIXTURE_DIR, BULLETINS } from '@/lib/import/fixtures/fixtures';

/** `npm run import:bulletin` as a person runs it: the proposal as JSON, refusals, and --commit. */

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/import-bulletin.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 60_000,
  });
const fixture = path.join(FIXTURE_DIR, BULLETINS.summer2001);

describe('npm run import:bulletin', () => {
  it('prints the proposal as JSON in the documented shape, with no database', () => {
    const out = run([fixture, '--json']);
    expect(out.status).toBe(0);
    const proposal = JSON.parse(out.stdout);
    expect(Object.keys(proposal)).toEqual(['issue', 'sections', 'flags', 'standing']);
    expect(proposal.issue).toEqual({ number: 22, coverLabel: 'Summer 2001', coverDate: '2001-06-01' });
    const meeting = proposal.sections[1].items[0];
    expect(Object.keys(meeting).slice(0, 4)).toEqual(['kind', 'title', 'standfirst', 'body']);
    expect(meeting.meeting).toMatchObject({ startDate: '2001-05-14', endDate: '2001-05-16', datePrecision: 'DAY' });
    expect(proposal.flags).toContainEqual({ path: 'sections[1].items[2].meeting.city', message: 'no city found' });
  });

  it('refuses what it cannot import with the message and exit code 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-import-'));
    const pdf = path.join(dir, 'x.pdf');
    writeFileSync(pdf, '%PDF-1.4 binary');
    const out = run([pdf]);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/This is a PDF/);
  });

  it('--commit creates the issue as the named editor', async () => {
    const url = inject('databaseUrl');
    const db = createDb(url);
    const editor = await createUser(db, 'EDITOR');
    const number = await uniqueIssueNumber();
    const out = run(
      [fixture, '--commit', '--as=published', `--by=${editor.email}`, `--number=${number}`, '--again', '--json'],
      {
        DATABASE_URL: url,
      },
    );
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, number, items: 8, mode: 'published' });
    expect(await db.issue.findUniqueOrThrow({ where: { number } })).toMatchObject({ state: 'PUBLISHED' });
    const contributor = await createUser(db, 'CONTRIBUTOR');
    const refused = run([fixture, '--commit', `--by=${contributor.email}`, '--again'], { DATABASE_URL: url });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Not imported/);
    await db.$disconnect();
  });
});
