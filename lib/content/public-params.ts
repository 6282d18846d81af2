/** URL parameters of the public site. Anything malformed is "not found", never an error. */

export function parseIssueNumber(raw: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : null;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseSlug(raw: string): string | null {
  return raw.length <= 120 && SLUG_PATTERN.test(raw) ? raw : null;
}
