import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { can } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { effectiveSectionTemplate } from '@/lib/settings/section-template';
import { findImportOf, type PreviousImport } from './find-import';
import { matchRecords, type RecordMatches } from './match-records';
import { parseBulletin } from './parse-bulletin';
import { readImportFile, readPastedText, MAX_IMPORT_BYTES, TOO_LARGE } from './read-file';
import { STANDING_FIELDS, type StandingField } from './review-schema';
import type { Proposal } from './types';

/**
 * Reading a bulletin for the review screen: the file or pasted text is checked and parsed (nothing is
 * written), then compared with what Quire already holds: matching meetings, publications and tags, an
 * earlier import of the same text, an issue number already taken, and the current settings next to the
 * bulletin's standing matter.
 */

export type ImportUpload = { text?: string | null; fileBase64?: string | null; fileName?: string | null };

export type ProposeImportResult = {
  proposal: Proposal;
  hash: string;
  format: 'text' | 'docx';
  fileName: string | null;
  matches: RecordMatches;
  duplicateOf: PreviousImport | null;
  numberTaken: boolean;
  currentStanding: Partial<Record<StandingField, string>>;
  canEditSettings: boolean;
};

export async function proposeImport(actor: Actor, upload: ImportUpload): Promise<ProposeImportResult> {
  const person = enforceCan(actor, 'issue.import');
  let read;
  if (upload.fileBase64) {
    // base64 is 4/3 of the bytes: refuse a file far over the limit before decoding it.
    if (upload.fileBase64.length > Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 8) {
      const message = TOO_LARGE(Math.floor((upload.fileBase64.length * 3) / 4));
      throw new ValidationError({ file: [message] }, message);
    }
    read = await readImportFile(new Uint8Array(Buffer.from(upload.fileBase64, 'base64')));
  } else read = readPastedText(upload.text ?? '');
  if (!read.ok) throw new ValidationError({ [upload.fileBase64 ? 'file' : 'text']: [read.message] }, read.message);

  const db = getDb();
  const settings = await db.publicationSettings.findUnique({ where: { id: 1 } });
  const template = effectiveSectionTemplate(settings?.sectionTemplate).entries;
  const proposal = parseBulletin(read.source.text, { template });
  const [matches, duplicateOf, taken] = await Promise.all([
    matchRecords(db, proposal),
    findImportOf(db, read.source.hash),
    proposal.issue.number !== undefined
      ? db.issue.findUnique({ where: { number: proposal.issue.number }, select: { id: true } })
      : null,
  ]);
  if (taken)
    proposal.flags.unshift({
      path: 'issue.number',
      message: `N° ${proposal.issue.number} already exists: choose another number`,
    });
  const currentStanding: Partial<Record<StandingField, string>> = {};
  if (settings) for (const f of STANDING_FIELDS) currentStanding[f] = settings[f];
  return {
    proposal,
    hash: read.source.hash,
    format: read.source.format,
    fileName: upload.fileName?.slice(0, 255) ?? null,
    matches,
    duplicateOf,
    numberTaken: !!taken,
    currentStanding,
    canEditSettings: can(person, 'settings.edit'),
  };
}
