/**
 * `npm run import:bulletin -- FILE [--json] [--commit --as=production|published] [--by=EMAIL] [--number=N] [--again]`
 *
 * Reads a past bulletin (text, Markdown or .docx) and prints what Quire proposes: a summary, or with
 * --json the proposal in the shape the review screen edits. With --commit it creates the issue as the
 * review screen would with every field left as proposed (in production, or published on its cover
 * date), as the editor or admin named by --by (or QUIRE_IMPORT_AS), through the same policy and the
 * same transaction. Without --commit it needs no database.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadDotEnv } from './lib/env-file';
import { parseBulletin } from '@/lib/import/parse-bulletin';
import { readImportFile } from '@/lib/import/read-file';
import { DEFAULT_SECTION_TEMPLATE, effectiveSectionTemplate } from '@/lib/settings/section-template';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    commit: { type: 'boolean', default: false },
    as: { type: 'string', default: 'production' },
    by: { type: 'string' },
    number: { type: 'string' },
    again: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const file = positionals[0];
if (!file) fail('Usage: npm run import:bulletin -- FILE [--json] [--commit --as=production|published] [--by=EMAIL]');
if (values.as !== 'production' && values.as !== 'published') fail('--as is production or published.');

loadDotEnv();
const read = await readImportFile(new Uint8Array(await readFile(file).catch(() => fail(`Cannot read ${file}.`))));
if (!read.ok) fail(read.message);

if (!values.commit) {
  let template = DEFAULT_SECTION_TEMPLATE;
  if (process.env.DATABASE_URL) {
    const { createDb } = await import('@/lib/db/client');
    const db = createDb(process.env.DATABASE_URL);
    const settings = await db.publicationSettings
      .findUnique({ where: { id: 1 }, select: { sectionTemplate: true } })
      .catch(() => null);
    template = effectiveSectionTemplate(settings?.sectionTemplate).entries;
    await db.$disconnect();
  }
  const proposal = parseBulletin(read.source.text, { template });
  if (values.json) console.log(JSON.stringify(proposal, null, 2));
  else {
    const { issue } = proposal;
    console.log(
      `N° ${issue.number ?? '?'} – ${issue.coverLabel ?? '?'}${issue.coverDate ? ` (cover date ${issue.coverDate})` : ''}`,
    );
    for (const s of proposal.sections) {
      console.log(`\n${s.title}${s.heading && s.heading !== s.title ? `  [printed ${s.heading}]` : ''}`);
      for (const i of s.items) console.log(`  ${i.kind.padEnd(18)} ${i.title ?? '(no title)'}`);
    }
    if (proposal.flags.length) {
      console.log(`\nTo check (${proposal.flags.length}):`);
      for (const f of proposal.flags) console.log(`  ${f.path}: ${f.message}`);
    }
    if (proposal.standing) console.log(`\nStanding matter found: ${Object.keys(proposal.standing).join(', ')}`);
  }
  process.exit(0);
}

// --commit: through the same data functions as the review screen.
const url = process.env.DATABASE_URL;
if (!url) fail('--commit needs DATABASE_URL.');
const email = values.by ?? process.env.QUIRE_IMPORT_AS;
if (!email) fail('--commit needs --by=EMAIL (or QUIRE_IMPORT_AS): the editor or admin the import is recorded for.');
const { getDb } = await import('@/lib/db/client');
const { proposeImport } = await import('@/lib/import/propose-import');
const { commitImport } = await import('@/lib/import/commit-import');
const { reviewFromProposal, reviewPayload } = await import('@/lib/import/review-from-proposal');
const { expectedFailure } = await import('@/lib/actions/errors');
const db = getDb();
const user = await db.user.findUnique({
  where: { email: email.toLowerCase() },
  select: { id: true, role: true, status: true },
});
if (!user) fail(`No account ${email}.`);
try {
  const proposed = await proposeImport(user, {
    fileBase64: Buffer.from(await readFile(file)).toString('base64'),
    fileName: file.split('/').pop(),
  });
  const review = reviewFromProposal(proposed.proposal, {
    hash: proposed.hash,
    fileName: proposed.fileName,
    matches: proposed.matches,
  });
  review.mode = values.as;
  review.confirmDuplicate = values.again;
  if (values.number) review.issue.number = values.number;
  const created = await commitImport(user, reviewPayload(review));
  const summary = {
    ok: true,
    issueId: created.issueId,
    number: created.number,
    items: created.itemCount,
    mode: values.as,
  };
  console.log(
    values.json
      ? JSON.stringify(summary, null, 2)
      : `Created N° ${created.number} (${values.as}) with ${created.itemCount} items: /admin/issues/${created.issueId}`,
  );
} catch (e) {
  const expected = expectedFailure(e);
  if (!expected) throw e;
  const lines = Object.entries(expected.fieldErrors).map(([k, v]) => `  ${k || 'import'}: ${v.join(' ')}`);
  fail([`Not imported: ${expected.message}`, ...lines].join('\n'));
} finally {
  await db.$disconnect();
}
