import { z } from 'zod';
import { cleanString } from './common';

/**
 * The parts of a server action's input that are not form fields: which record it is about, and the
 * version of it the page was loaded at. A failure here means the page is out of date (or the request
 * did not come from it), not that the person typed something wrong.
 */

export const recordIdSchema = cleanString('single-line', 'Missing record.')
  .trim()
  .min(1, 'Missing record.')
  .max(64, 'Not a valid record.');

/** The largest value of a PostgreSQL integer column (versions, numbers): anything above is no version of ours. */
export const INT4_MAX = 2_147_483_647;
export const VERSION_INVALID = 'The page sent a version that no record has: reload it.';

export const VERSION_MISSING = 'The page is missing the version it was loaded at: reload it.';

/** The version the person loaded (or last saved): only compared with the row's, never written. */
export const expectedVersionSchema = z
  .number({ error: VERSION_MISSING })
  .int(VERSION_MISSING)
  .min(1, VERSION_MISSING)
  .max(INT4_MAX, VERSION_INVALID);

/** A version posted as a form field (a hidden input: digits) as a number; anything else as it came, to be refused. */
export function versionFromForm(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,20}$/.test(value.trim()) ? Number(value.trim()) : value;
}

/**
 * expectedVersionSchema for a version posted as a form field. Anything that is not digits fails like
 * a missing version; a number beyond an integer column is "no version of ours", never a database error.
 */
export const formVersionSchema = z.preprocess(versionFromForm, expectedVersionSchema);
