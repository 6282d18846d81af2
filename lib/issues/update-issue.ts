import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { NotAllowedError, ValidationError } from '@/lib/errors';
import { isoDate } from '@/lib/format/dates';
import { parseWith } from '@/lib/validation/field-errors';
import { updateIssueSchema, type UpdateIssueInput } from '@/lib/validation/issue';
import { issueNumberTakenMessage } from './create-issue';
import { isUniqueViolation } from './tx';
import { writeIssue } from './write-issue';

export type UpdateIssueOptions = { expectedVersion: number };

/**
 * Changes an issue's number, cover label and cover date. Checked against the version the editor saw.
 * The number of a published issue is part of its public address, so it stays as it is.
 */
export async function updateIssue(
  actor: Actor,
  issueId: string,
  input: UpdateIssueInput,
  options: UpdateIssueOptions,
): Promise<{ version: number; changed: string[] }> {
  const person = enforceCan(actor, 'issue.manage');
  const parsed = parseWith(updateIssueSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const next = parsed.data;

  try {
    return await writeIssue(person.id, issueId, async ({ tx, issue, checkVersion, bumpVersion }) => {
      checkVersion(options.expectedVersion, 'Someone else changed this issue since you opened it: check it again.');
      const current = await tx.issue.findUniqueOrThrow({
        where: { id: issueId },
        select: { number: true, coverLabel: true, coverDate: true },
      });
      const before = {
        number: current.number,
        coverLabel: current.coverLabel,
        coverDate: current.coverDate ? isoDate(current.coverDate) : null,
      };
      const after = {
        number: next.number,
        coverLabel: next.coverLabel,
        coverDate: next.coverDate ? isoDate(next.coverDate) : null,
      };
      const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
      if (changed.length === 0) return { version: issue.version, changed: [] };
      if (changed.includes('number')) {
        if (issue.state === 'PUBLISHED')
          throw new NotAllowedError('The number of a published issue is part of its address: it cannot change.');
        if (await tx.issue.findFirst({ where: { number: next.number, id: { not: issueId } }, select: { id: true } })) {
          throw new ValidationError({ number: [issueNumberTakenMessage(next.number)] });
        }
      }
      await tx.issue.update({
        where: { id: issueId },
        data: { number: next.number, coverLabel: next.coverLabel, coverDate: next.coverDate },
      });
      const version = await bumpVersion((version) => ({
        action: 'issue.update',
        data: { changed, before: pick(before, changed), after: pick(after, changed), version },
      }));
      return { version, changed };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError({ number: [issueNumberTakenMessage(next.number)] });
    throw e;
  }
}

function pick<T extends Record<string, unknown>>(obj: T, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, obj[k] as string | number | null]));
}
